package com.lendkeep.customer.rest;

import java.net.URI;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.customer.api.CreditScoreRequest;
import com.lendkeep.customer.api.CreditScoreResponse;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.service.CustomerService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.Roles;

@Path("/customers/{id}/credit-scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Credit scores", description = "Credit-bureau score history")
@Idempotent
public class CreditScoreResource {

    private final CustomerService service;
    private final CustomerMapper mapper;

    public CreditScoreResource(CustomerService service, CustomerMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Operation(summary = "Record a credit-bureau score",
            description = "Keeps the full history. A score that becomes the customer's latest (by score date) emits "
                    + "CREDIT_SCORE_CHANGED and re-assesses the grade; an older-dated score is kept as history only; an exact "
                    + "repeat changes nothing (200); the same bureau and date with another score is refused (409).")
    @APIResponse(responseCode = "201", description = "Recorded (effect NEW_LATEST or HISTORICAL); Location is the history", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditScoreResponse.class)))
    @APIResponse(responseCode = "200", description = "Exact repeat of a recorded score: nothing changed (effect DUPLICATE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditScoreResponse.class)))
    @APIResponse(responseCode = "409", description = "The bureau already reported another score for that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The customer was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id,
            @NotNull @Valid CreditScoreRequest request) {
        CustomerService.ScoreResult result = service.recordCreditScore(id, request);
        CreditScoreResponse body = mapper.toResponse(result.score(), result.effect().name());
        if (result.effect() == CustomerService.ScoreEffect.DUPLICATE) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/customers/" + id + "/credit-scores")).entity(body).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Operation(summary = "Credit-score history", description = "Every recorded score, newest score date first.")
    @APIResponse(responseCode = "200", description = "The history")
    public List<CreditScoreResponse> history(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id) {
        return service.creditScores(id).stream().map(s -> mapper.toResponse(s, null)).toList();
    }
}
