package com.lendkeep.loan.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.loan.api.BusinessDateRequest;
import com.lendkeep.loan.api.BusinessDateResponse;
import com.lendkeep.loan.service.BusinessCalendar;
import com.lendkeep.loan.service.CloseOfBusiness;

@Path("/business-date")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Business date", description = "The loan book's date and close of business")
public class BusinessDateResource {

    private final BusinessCalendar calendar;
    private final CloseOfBusiness closeOfBusiness;

    public BusinessDateResource(BusinessCalendar calendar, CloseOfBusiness closeOfBusiness) {
        this.calendar = calendar;
        this.closeOfBusiness = closeOfBusiness;
    }

    @GET
    @Operation(summary = "The current business date")
    public BusinessDateResponse get() {
        return new BusinessDateResponse(calendar.today(), 0);
    }

    @POST
    @Operation(summary = "Advance the business date (close of business)",
            description = "Never backwards. Installments unpaid after their due date become overdue and emit PAYMENT_MISSED.")
    public BusinessDateResponse advance(@NotNull @Valid BusinessDateRequest request) {
        CloseOfBusiness.Outcome outcome = closeOfBusiness.advanceTo(request.date());
        return new BusinessDateResponse(outcome.date(), outcome.missedPayments());
    }
}
