package com.lendkeep.customer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.customer.service.BusinessDateService;
import com.lendkeep.platform.security.Roles;

/** The date this service judges dates, ages and windows by: loan-service's business date as last seen on its events. */
@Path("/business-date")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Business date", description = "The loan book's date as this service knows it")
public class BusinessDateResource {

    /**
     * @param businessDate the date in force
     * @param source       LOAN_BOOK (from loan-service's events) or WALL_CLOCK (none received yet: today's UTC date)
     */
    public record BusinessDateView(java.time.LocalDate businessDate, String source) {
    }

    private final BusinessDateService businessDate;

    public BusinessDateResource(BusinessDateService businessDate) {
        this.businessDate = businessDate;
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST, Roles.ADMIN})
    @Operation(operationId = "getKnownBusinessDate", summary = "The date in force",
            description = "loan-service's business date as last seen on loan-events (BUSINESS_DATE_CHANGED and every event's "
                    + "businessDate; it never moves back). Until one arrives, today's UTC date stands in (source WALL_CLOCK). "
                    + "Score, contact and profile dates after it are refused; ages, windows and stages are computed on it.")
    @APIResponse(responseCode = "200", description = "The date in force and where it comes from")
    public BusinessDateView get() {
        BusinessDateService.Today today = businessDate.today();
        return new BusinessDateView(today.date(), today.fromLoanBook() ? "LOAN_BOOK" : "WALL_CLOCK");
    }
}
