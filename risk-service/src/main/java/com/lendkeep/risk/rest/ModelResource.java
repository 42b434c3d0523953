package com.lendkeep.risk.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.risk.api.ActivationRequest;
import com.lendkeep.risk.api.ActivationResponse;
import com.lendkeep.risk.api.AuditEntry;
import com.lendkeep.risk.api.ModelComparison;
import com.lendkeep.risk.api.ModelResponse;
import com.lendkeep.risk.api.MonitoringResponse;
import com.lendkeep.risk.api.TrainRequest;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.service.ModelGovernance;
import com.lendkeep.risk.service.ModelMonitoring;
import com.lendkeep.risk.service.ModelService;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models", description = "Learned churn models: train, activate, challenge, roll back")
@Idempotent
public class ModelResource {

    private final ModelService models;
    private final ModelGovernance governance;
    private final CurrentUser user;
    private final ModelMonitoring monitoring;

    public ModelResource(ModelService models, ModelGovernance governance, ModelMonitoring monitoring, CurrentUser user) {
        this.monitoring = monitoring;
        this.models = models;
        this.governance = governance;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/train")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Train a model from labelled outcomes",
            description = "Trains on the customers' current features; metrics (validation AUC, calibration by decile) come from "
                    + "a held-out fifth; the stored model is then trained on all of them. Synchronous: tens of seconds for "
                    + "tens of thousands of customers. The new version is TRAINED, not active.")
    @APIResponseSchema(value = ModelResponse.class, responseCode = "201", responseDescription = "Trained and stored; Location is the version")
    @APIResponse(responseCode = "422", description = "Too few known customers, or only one outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response train(@NotNull @Valid TrainRequest request) {
        ModelResponse trained = models.train(request, user.name());
        return Response.created(URI.create("/models/" + trained.version())).entity(trained).build();
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

    @GET
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}/comparison")
    @Operation(summary = "This version's hold-out AUC, Brier score and calibration next to the active model's")
    public ModelComparison comparison(@PathParam("version") String version) {
        return governance.compare(version);
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}/activation-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for this version to be activated (four eyes: another risk analyst activates it)",
            description = "Shows the candidate's hold-out metrics next to the champion's. A candidate with a lower AUC or a higher "
                    + "Brier score is refused (422) unless `force` is true with a `reason`. Audited.")
    @APIResponseSchema(value = ActivationResponse.class, responseCode = "202", responseDescription = "Requested; waits for a second risk analyst")
    @APIResponse(responseCode = "422", description = "Worse than the champion and not forced",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestActivation(@PathParam("version") String version, @Valid ActivationRequest body) {
        return Response.status(202).entity(governance.request(version, body, user.name())).build();
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}/activate")
    @Operation(summary = "Approve the pending activation request of this version and make it score its churn type",
            description = "Needs a pending request by another risk analyst (409 without one, 403 for the requester). The previously "
                    + "active version is retired (request and activate it again to roll back). Every customer is re-scored in the "
                    + "background; follow `rescoring` on GET /models/{version}. Audited.")
    public ModelResponse activate(@PathParam("version") String version) {
        return models.activate(version, user.name());
    }

    @GET
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/monitoring/{churnType}")
    @Operation(summary = "Champion and challenger on matured outcomes (AUC, Brier, calibration) and input drift (PSI)",
            description = "A prediction is each customer's latest kept score at least horizonDays before the business date; its "
                    + "outcome is a charge-off (involuntary) or prepayment (voluntary) within the horizon after it. PSI compares up to "
                    + "5,000 current customers' model inputs with the active model's training data; drift when any PSI > 0.25.")
    public MonitoringResponse monitoring(@PathParam("churnType") ChurnType churnType,
            @QueryParam("horizonDays") @DefaultValue("90") @Min(1) @Max(730) int horizonDays) {
        return monitoring.report(churnType, horizonDays);
    }

    @GET
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/audit")
    @Operation(summary = "Who trained, requested, approved, challenged and retired which model, newest first")
    public List<AuditEntry> audit(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return governance.trail(limit);
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/{version}/challenger")
    @Operation(summary = "Shadow-score with this version beside the active one",
            description = "Its scores are kept beside the real ones (challengerScore) and change nothing.")
    public ModelResponse challenge(@PathParam("version") String version) {
        return models.challenge(version, user.name());
    }

    @POST
    @RolesAllowed(Roles.RISK_ANALYST)
    @Path("/active/{churnType}/retire")
    @Operation(summary = "Retire the active learned model of a churn type: the scorecard scores again")
    @APIResponse(responseCode = "204", description = "Retired")
    public Response retire(@PathParam("churnType") ChurnType churnType) {
        models.retireActive(churnType, user.name());
        return Response.noContent().build();
    }
}
