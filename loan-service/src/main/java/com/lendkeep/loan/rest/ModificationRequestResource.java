package com.lendkeep.loan.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.loan.api.DecisionRequest;
import com.lendkeep.loan.api.ModificationRequestResponse;
import com.lendkeep.loan.mapping.ApplicationMapper;
import com.lendkeep.loan.service.ModificationRequestService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

@Path("/modification-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Modification requests", description = "Maker-checker: a modification asked by one user, approved or rejected by another")
@Idempotent
public class ModificationRequestResource {

    private final ModificationRequestService requests;
    private final CurrentUser currentUser;

    public ModificationRequestResource(ModificationRequestService requests, CurrentUser currentUser) {
        this.requests = requests;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}")
    @Operation(summary = "A modification request")
    public ModificationRequestResponse get(@PathParam("id") UUID id) {
        return ApplicationMapper.toResponse(requests.get(id));
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/{id}/approve")
    @Operation(summary = "Approve and apply (checker)", description = "By a user other than the requester (the token's user); the "
            + "modification is applied, makes a schedule version and emits LOAN_MODIFIED.")
    @APIResponse(responseCode = "403", description = "The requester cannot approve their own request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The loan no longer allows it; the request stays PENDING",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponseSchema(value = ModificationRequestResponse.class, responseDescription = "APPROVED and applied")
    @APIResponse(responseCode = "409", description = "The request is no longer PENDING",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id) {
        String user = currentUser.name();
        return Response.ok(ApplicationMapper.toResponse(requests.approve(id, user))).build();
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/{id}/reject")
    @Operation(summary = "Reject (checker) or withdraw (maker)", description = "With a reason; nothing changes on the loan.")
    @APIResponseSchema(value = ModificationRequestResponse.class, responseDescription = "REJECTED or WITHDRAWN")
    @APIResponse(responseCode = "409", description = "The request is no longer PENDING",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        String user = currentUser.name();
        return Response.ok(ApplicationMapper.toResponse(requests.reject(id, user, request.reason()))).build();
    }
}
