package com.lendkeep.loan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.loan.api.BusinessDateRequest;
import com.lendkeep.loan.api.BusinessDateResponse;
import com.lendkeep.loan.service.CloseOfBusiness;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

@Path("/business-date")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Business date", description = "The loan book's date and close of business")
@Idempotent
public class BusinessDateResource {

    private final CloseOfBusiness closeOfBusiness;
    private final CurrentUser currentUser;

    public BusinessDateResource(CloseOfBusiness closeOfBusiness, CurrentUser currentUser) {
        this.closeOfBusiness = closeOfBusiness;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST, Roles.ADMIN})
    @Operation(summary = "The current business date, with what the close of business that produced it did")
    public BusinessDateResponse get() {
        return view(closeOfBusiness.last());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Advance the business date (close of business)",
            description = "Never backwards, at most 5 years at once. Unpaid installments past their due date plus grace become overdue "
                    + "(PAYMENT_MISSED, late fee), loans move between delinquency buckets (DELINQUENCY_CHANGED), loans past the "
                    + "charge-off threshold are charged off (LOAN_CLOSED).")
    @APIResponseSchema(value = BusinessDateResponse.class, responseDescription = "The new business date and what its close of business did")
    public Response advance(@NotNull @Valid BusinessDateRequest request) {
        return Response.ok(view(closeOfBusiness.advanceTo(request.date(), currentUser.name()))).build();
    }

    private static BusinessDateResponse view(CloseOfBusiness.Outcome o) {
        return new BusinessDateResponse(o.date(), o.previousDate(), o.missedPayments(), o.lateFeesCharged(), o.delinquencyChanges(),
                o.chargedOff(), o.triggeredBy(), o.closedAt());
    }
}
