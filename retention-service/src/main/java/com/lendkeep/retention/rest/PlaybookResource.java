package com.lendkeep.retention.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.PlaybookChangeRequest;
import com.lendkeep.retention.api.PlaybookResponse;
import com.lendkeep.retention.api.PlaybookVersionResponse;
import com.lendkeep.retention.mapping.PlaybookMapper;
import com.lendkeep.retention.rules.PlaybookRule;
import com.lendkeep.retention.service.PlaybookService;

@Path("/playbook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Playbook", description = "The rules that turn alerts into candidate interventions; every change is a new, audited version")
@Idempotent
public class PlaybookResource {

    private final PlaybookService service;
    private final CurrentUser currentUser;

    public PlaybookResource(PlaybookService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "The rules in force and their version")
    public PlaybookResponse get() {
        return PlaybookMapper.toResponse(service.current());
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/rules/{id}")
    public PlaybookRule rule(@PathParam("id") String id) {
        return service.rule(id);
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/rules")
    @Operation(operationId = "addPlaybookRule", summary = "Add a rule", description = "Validated (400 lists every invalid field); 409 if the id exists or "
            + "expectedVersion is not the current version. Answers the new playbook.")
    @APIResponseSchema(value = PlaybookResponse.class, responseCode = "201", responseDescription = "Added: the new playbook; Location is the rule")
    public Response create(@NotNull @Valid PlaybookChangeRequest request) {
        PlaybookService.Current current = service.create(request.rule(), currentUser.name(),
                request.comment(), request.expectedVersion());
        return Response.created(URI.create("/playbook/rules/" + request.rule().id())).entity(PlaybookMapper.toResponse(current)).build();
    }

    @PUT
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/rules/{id}")
    @Operation(operationId = "replacePlaybookRule", summary = "Replace a rule", description = "Answers the new playbook; an identical rule makes no new version.")
    public PlaybookResponse update(@PathParam("id") String id, @NotNull @Valid PlaybookChangeRequest request) {
        return PlaybookMapper.toResponse(service.update(id, request.rule(), currentUser.name(),
                request.comment(), request.expectedVersion()));
    }

    @DELETE
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/rules/{id}")
    @Operation(operationId = "removePlaybookRule", summary = "Remove a rule", description = "Answers the new playbook.")
    public PlaybookResponse delete(@PathParam("id") String id, @QueryParam("comment") String comment, @QueryParam("expectedVersion") Integer expectedVersion) {
        return PlaybookMapper.toResponse(service.delete(id, currentUser.name(), comment, expectedVersion));
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/versions")
    @Operation(summary = "The change log, newest first: who changed which rule, when, from what to what")
    public List<PlaybookVersionResponse> versions(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.versions(page, size).stream().map(c -> PlaybookMapper.toResponse(c, service::read, service::readAll, false)).toList();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/versions/{version}")
    @Operation(summary = "One version, with the whole rule set as it was after that change")
    public PlaybookVersionResponse version(@PathParam("version") int version) {
        return PlaybookMapper.toResponse(service.version(version), service::read, service::readAll, true);
    }
}
