package com.lendkeep.retention.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.TaskRequest;
import com.lendkeep.retention.api.TaskResponse;
import com.lendkeep.retention.domain.TaskStatus;
import com.lendkeep.retention.mapping.TaskMapper;
import com.lendkeep.retention.service.TaskService;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Relationship-manager calls and financial counselling the customer accepted")
@Idempotent
public class TaskResource {

    private final TaskService service;
    private final CurrentUser currentUser;
    private final io.quarkus.security.identity.SecurityIdentity identity;

    public TaskResource(TaskService service, CurrentUser currentUser, io.quarkus.security.identity.SecurityIdentity identity) {
        this.identity = identity;
        this.service = service;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "Tasks by due date", description = "Filter by owner (queue or person), status and customer.")
    public List<TaskResponse> list(@QueryParam("owner") @Size(max = 64) String owner, @QueryParam("status") TaskStatus status,
            @QueryParam("customerId") UUID customerId, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var today = service.today();
        return service.search(owner, status, customerId, page, size).stream().map(t -> TaskMapper.toResponse(t, today)).toList();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}")
    public TaskResponse get(@PathParam("id") UUID id) {
        return TaskMapper.toResponse(service.get(id), service.today());
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/complete")
    @Operation(summary = "The call or session took place: the intervention becomes APPLIED")
    public TaskResponse complete(@PathParam("id") UUID id, @Valid TaskRequest request) {
        return TaskMapper.toResponse(service.complete(id, currentUser.name(), identity.hasRole(Roles.RETENTION_MANAGER), note(request)), service.today());
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/cancel")
    @Operation(summary = "The task will not be done: the intervention becomes FAILED")
    public TaskResponse cancel(@PathParam("id") UUID id, @Valid TaskRequest request) {
        return TaskMapper.toResponse(service.cancel(id, currentUser.name(), identity.hasRole(Roles.RETENTION_MANAGER), note(request)), service.today());
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/{id}/reassign")
    @Operation(summary = "Give an open task to another owner")
    public TaskResponse reassign(@PathParam("id") UUID id, @Valid TaskRequest request) {
        return TaskMapper.toResponse(service.reassign(id, request == null ? null : request.owner(), currentUser.name()), service.today());
    }

    private static String note(TaskRequest request) {
        return request == null || request.note() == null || request.note().isBlank() ? null : request.note().trim();
    }
}
