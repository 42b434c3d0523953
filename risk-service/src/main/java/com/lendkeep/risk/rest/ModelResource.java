package com.lendkeep.risk.rest;

import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.risk.api.ModelResponse;
import com.lendkeep.risk.api.TrainRequest;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.service.ModelService;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models", description = "Learned churn models: train, activate, challenge, roll back")
public class ModelResource {

    private final ModelService models;

    public ModelResource(ModelService models) {
        this.models = models;
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/train")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Train a model from labelled outcomes",
            description = "Trains on the customers' current features; metrics (validation AUC, calibration by decile) come from "
                    + "a held-out fifth; the stored model is then trained on all of them. Synchronous: tens of seconds for "
                    + "tens of thousands of customers. The new version is TRAINED, not active.")
    @APIResponse(responseCode = "201", description = "Trained and stored")
    @APIResponse(responseCode = "422", description = "Too few known customers, or only one outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response train(@NotNull @Valid TrainRequest request) {
        return Response.status(201).entity(models.train(request)).build();
    }

    @GET
    @RolesAllowed(Roles.RISK_ANALYST)
    @Operation(summary = "Every model version, newest first, with its metrics and status")
    public List<ModelResponse> list() {
        return models.list();
    }

    @GET
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}")
    @Operation(summary = "One model version, with re-scoring progress after activation")
    public ModelResponse get(@PathParam("version") String version) {
        return models.get(version);
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}/activate")
    @Operation(summary = "Make this version score its churn type",
            description = "The previously active version is retired (activate it again to roll back). Every customer is "
                    + "re-scored in the background; follow `rescoring` on GET /models/{version}.")
    public ModelResponse activate(@PathParam("version") String version) {
        return models.activate(version);
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}/challenger")
    @Operation(summary = "Shadow-score with this version beside the active one",
            description = "Its scores are kept beside the real ones (challengerScore) and change nothing.")
    public ModelResponse challenge(@PathParam("version") String version) {
        return models.challenge(version);
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/active/{churnType}/retire")
    @Operation(summary = "Retire the active learned model of a churn type: the scorecard scores again")
    @APIResponse(responseCode = "204", description = "Retired")
    public Response retire(@PathParam("churnType") ChurnType churnType) {
        models.retireActive(churnType);
        return Response.noContent().build();
    }
}
