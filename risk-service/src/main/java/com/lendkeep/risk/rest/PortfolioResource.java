package com.lendkeep.risk.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.security.Roles;
import com.lendkeep.risk.api.PortfolioResponse;
import com.lendkeep.risk.service.RiskReports;

@Path("/risk/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk")
public class PortfolioResource {

    private final RiskReports reports;

    public PortfolioResource(RiskReports reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Operation(summary = "Portfolio view", description = "Customers by level and churn type, open alerts, the top-N at risk, "
            + "alerts raised per day over 30 days, and how many repayment records were taken in.")
    public PortfolioResponse portfolio(@QueryParam("top") @DefaultValue("20") @Min(1) @Max(500) int top) {
        return reports.portfolio(top);
    }
}
