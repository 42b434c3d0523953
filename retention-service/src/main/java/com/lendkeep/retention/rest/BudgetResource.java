package com.lendkeep.retention.rest;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.BudgetResponse;
import com.lendkeep.retention.service.BudgetService;

@Path("/budget")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Budget", description = "Estimated cost committed by proposals, per period")
public class BudgetResource {

    private final BudgetService service;
    private final Clock clock;

    public BudgetResource(BudgetService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Operation(summary = "The budget of the period containing date (default today)")
    public BudgetResponse get(@QueryParam("date") String date) {
        LocalDate day = QueryDates.date(date, "date");
        return service.of(day == null ? LocalDate.now(clock) : day);
    }
}
