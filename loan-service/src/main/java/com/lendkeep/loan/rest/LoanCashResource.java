package com.lendkeep.loan.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.loan.api.CashRequest;
import com.lendkeep.loan.api.CashResponse;
import com.lendkeep.loan.api.RepaymentResponse;
import com.lendkeep.loan.api.ReversalRequest;
import com.lendkeep.loan.mapping.LoanMapper;
import com.lendkeep.loan.service.LoanCashService;
import com.lendkeep.loan.service.RepaymentReversalService;
import com.lendkeep.loan.service.RepaymentService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

/** Cash as it comes, outside the schedule: reversed (bounced) repayments, refunds of a credit balance, recoveries after charge-off. */
@Path("/loans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loans")
@Idempotent
public class LoanCashResource {

    private final LoanCashService cash;
    private final RepaymentReversalService reversals;
    private final CurrentUser currentUser;

    public LoanCashResource(LoanCashService cash, RepaymentReversalService reversals, CurrentUser currentUser) {
        this.cash = cash;
        this.reversals = reversals;
        this.currentUser = currentUser;
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/repayments/{repaymentId}/reversal")
    @Operation(operationId = "reverseRepayment", summary = "Reverse a repayment that bounced",
            description = "Puts the installments back as they were before it (fees charged since stay), reopening installments, days "
                    + "past due and the delinquency bucket; a loan it closed is active again. Only the loan's latest repayment, and not "
                    + "after a modification. Emits REPAYMENT_REVERSED (and LOAN_MODIFIED when a prepayment's schedule is put back).")
    @APIResponse(responseCode = "200", description = "Reversed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RepaymentResponse.class)))
    @APIResponse(responseCode = "409", description = "Already reversed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not the latest repayment, modified since, charged off, or its credit refunded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RepaymentResponse reverse(@PathParam("id") UUID id, @PathParam("repaymentId") UUID repaymentId,
            @NotNull @Valid ReversalRequest request) {
        RepaymentService.Result result = reversals.reverse(id, repaymentId, request.reason(), currentUser.name());
        return LoanMapper.toResponse(result.repayment(), result.loan());
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/refunds")
    @Operation(operationId = "refundLoanCreditBalance", summary = "Refund the loan's credit balance",
            description = "Pays back part or all of what payments brought above the payoff amount (`on` defaults to the business date).")
    @APIResponseSchema(value = CashResponse.class, responseCode = "201", responseDescription = "Refunded; Location is the loan")
    @APIResponse(responseCode = "422", description = "Amount above the credit balance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refund(@PathParam("id") UUID id, @NotNull @Valid CashRequest request) {
        CashResponse refund = cash.refund(id, request, currentUser.name());
        return Response.created(URI.create("/loans/" + id)).entity(refund).build();
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/recoveries")
    @Operation(operationId = "bookLoanRecovery", summary = "Book cash recovered after a charge-off",
            description = "At most what was written off and not yet recovered; `on` defaults to the business date, not before the "
                    + "charge-off. Emits LOAN_RECOVERY_RECEIVED with the total recovered.")
    @APIResponseSchema(value = CashResponse.class, responseCode = "201", responseDescription = "Booked; Location is the loan's recoveries")
    @APIResponse(responseCode = "422", description = "Loan not charged off, or amount above what is left to recover",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recover(@PathParam("id") UUID id, @NotNull @Valid CashRequest request) {
        CashResponse recovery = cash.recover(id, request, currentUser.name());
        return Response.created(URI.create("/loans/" + id + "/recoveries")).entity(recovery).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/recoveries")
    @Operation(operationId = "listLoanRecoveries", summary = "Recoveries after charge-off, oldest first")
    public List<CashResponse> recoveries(@PathParam("id") UUID id) {
        return cash.recoveries(id);
    }
}
