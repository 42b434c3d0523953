package com.lendkeep.risk.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.risk.api.AlertResponse;
import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.mapping.RiskMapper;
import com.lendkeep.risk.repository.ChurnAlertRepository;

@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Churn-risk alerts (also published on churn-risk-alerts)")
public class AlertResource {

    private final ChurnAlertRepository alerts;
    private final ObjectMapper mapper;

    public AlertResource(ChurnAlertRepository alerts, ObjectMapper mapper) {
        this.alerts = alerts;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Operation(summary = "List alerts, newest first", description = "Filter by status (OPEN, CLEARED) and customer.")
    public List<AlertResponse> list(@QueryParam("status") ChurnAlert.Status status, @QueryParam("customerId") UUID customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page, @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return alerts.search(status, customerId, page, size).stream().map(a -> RiskMapper.toResponse(mapper, a)).toList();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Path("/{id}")
    @Operation(summary = "One alert")
    public AlertResponse get(@PathParam("id") UUID id) {
        return RiskMapper.toResponse(mapper, alerts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("alert", id)));
    }
}
