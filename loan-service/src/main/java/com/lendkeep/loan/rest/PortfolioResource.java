package com.lendkeep.loan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.loan.api.PortfolioResponse;
import com.lendkeep.loan.service.PortfolioService;
import com.lendkeep.platform.security.Roles;

@Path("/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portfolio", description = "Loan book totals")
public class PortfolioResource {

    private final PortfolioService portfolio;

    public PortfolioResource(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST})
    @Operation(summary = "Outstanding principal and overdue amounts, current and by delinquency bucket; closed loans by closure")
    public PortfolioResponse totals() {
        return portfolio.totals();
    }
}
