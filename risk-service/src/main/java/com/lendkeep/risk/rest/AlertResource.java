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
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.RiskLevel;
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
    @Operation(summary = "List alerts, newest first",
            description = "Filter by status (OPEN, CLEARED), level (LOW, MEDIUM, HIGH, CRITICAL), churn type and customer.")
    public List<AlertResponse> list(@QueryParam("status") String status, @QueryParam("level") String level,
            @QueryParam("churnType") String churnType, @QueryParam("customerId") UUID customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page, @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return alerts.search(parse("status", status, ChurnAlert.Status.class), parse("level", level, RiskLevel.class),
                parse("churnType", churnType, ChurnType.class), customerId, page, size).stream()
                .map(a -> RiskMapper.toResponse(mapper, a)).toList();
    }

    /** An enum query parameter, or 400 naming the parameter and its allowed values (JAX-RS would answer 404). */
    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + "; got '" + value + "'");
        }
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Path("/{id}")
    @Operation(summary = "One alert")
    public AlertResponse get(@PathParam("id") UUID id) {
        return RiskMapper.toResponse(mapper, alerts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("alert", id)));
    }
}
