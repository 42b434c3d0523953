package com.lendkeep.risk.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.risk.api.RiskProfileResponse;
import com.lendkeep.risk.api.RiskReportResponse;
import com.lendkeep.risk.api.ScoreResponse;
import com.lendkeep.risk.mapping.RiskMapper;
import com.lendkeep.risk.repository.FeatureStore;
import com.lendkeep.risk.repository.ScoreHistoryRepository;
import com.lendkeep.risk.service.RiskReports;

@Path("/risk/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk", description = "Customers' churn-risk scores, reasons and features")
public class RiskResource {

    private final FeatureStore risks;
    private final ScoreHistoryRepository history;
    private final RiskReports reports;
    private final ObjectMapper mapper;

    public RiskResource(FeatureStore risks, ScoreHistoryRepository history, RiskReports reports, ObjectMapper mapper) {
        this.risks = risks;
        this.history = history;
        this.reports = reports;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Path("/{id}/report")
    @Operation(summary = "A risk assessment a person can read",
            description = "Each churn type's probability, level and reasons in plain words, with rule-based recommended actions.")
    public RiskReportResponse report(@PathParam("id") UUID id) {
        return reports.report(id);
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Path("/{id}/score")
    @Operation(summary = "A customer's current scores and the model versions that gave them")
    public ScoreResponse score(@PathParam("id") UUID id) {
        var r = risks.risk(id).orElseThrow(() -> ApiException.notFound("risk profile of customer", id));
        return new ScoreResponse(r.customerId, r.involuntaryScore, r.involuntaryLevel, r.voluntaryScore, r.voluntaryLevel,
                r.combinedScore, r.modelVersion, r.challengerScore, r.challengerVersion, r.voluntaryChallengerScore, r.voluntaryChallengerVersion);
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Path("/{id}")
    @Operation(operationId = "getCustomerRisk", summary = "A customer's current scores, levels, reasons, features and recent score history")
    public RiskProfileResponse get(@PathParam("id") UUID id) {
        var risk = risks.risk(id).orElseThrow(() -> ApiException.notFound("risk profile of customer", id));
        return RiskMapper.toResponse(mapper, risk, history.forCustomer(id, 100));
    }
}
