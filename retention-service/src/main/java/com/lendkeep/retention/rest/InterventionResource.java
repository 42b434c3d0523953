package com.lendkeep.retention.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.rest.Problem;
import com.lendkeep.retention.api.DecisionRequest;
import com.lendkeep.retention.api.InterventionResponse;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.mapping.InterventionMapper;
import com.lendkeep.retention.service.InterventionService;

@Path("/interventions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interventions", description = "Retention offers proposed from churn-risk alerts")
public class InterventionResource {

    private final InterventionService service;

    public InterventionResource(InterventionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List interventions, newest first", description = "Filter by customer and status.")
    public List<InterventionResponse> list(@QueryParam("customerId") UUID customerId, @QueryParam("status") InterventionStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page, @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.search(customerId, status, page, size).stream().map(InterventionMapper::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One intervention")
    @APIResponse(responseCode = "404", description = "No such intervention",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterventionResponse get(@PathParam("id") UUID id) {
        return InterventionMapper.toResponse(service.get(id));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Record that the customer accepted",
            description = "Sends INTERVENTION_ACCEPTED to loan-service, which applies it; the intervention becomes APPLIED "
                    + "when loan-service confirms. Accepting twice is harmless.")
    @APIResponse(responseCode = "200", description = "Accepted (or already accepted)")
    @APIResponse(responseCode = "409", description = "Declined or failed: cannot be accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterventionResponse accept(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return InterventionMapper.toResponse(service.accept(id, request == null ? "unknown" : request.decidedBy()));
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "Record that the customer declined")
    public InterventionResponse decline(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return InterventionMapper.toResponse(service.decline(id, request == null ? "unknown" : request.decidedBy()));
    }
}
