package com.lendkeep.loan.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.ChargeOffRequest;
import com.lendkeep.loan.api.DelinquencyResponse;
import com.lendkeep.loan.api.LoanRequest;
import com.lendkeep.loan.api.LoanResponse;
import com.lendkeep.loan.api.ModificationRequestInput;
import com.lendkeep.loan.api.ModificationRequestResponse;
import com.lendkeep.loan.api.ModificationResponse;
import com.lendkeep.loan.api.PayoffResponse;
import com.lendkeep.loan.api.RepaymentRequest;
import com.lendkeep.loan.api.RepaymentResponse;
import com.lendkeep.loan.api.ScheduleVersionResponse;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.mapping.ApplicationMapper;
import com.lendkeep.loan.mapping.LoanMapper;
import com.lendkeep.loan.service.BusinessCalendar;
import com.lendkeep.loan.service.ChargeOffService;
import com.lendkeep.loan.service.DelinquencyService;
import com.lendkeep.loan.service.LoanService;
import com.lendkeep.loan.service.ModificationRequestService;
import com.lendkeep.loan.service.PayoffQuotes;
import com.lendkeep.loan.service.RepaymentService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

@Path("/loans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loans", description = "Loans, schedules, repayments, delinquency, charge-off and modification requests. Every POST "
        + "accepts Idempotency-Key: a repeat of a completed request gets the stored answer with Idempotent-Replayed: true.")
@Idempotent
public class LoanResource {

    private final LoanService loans;
    private final RepaymentService repayments;
    private final ChargeOffService chargeOffs;
    private final DelinquencyService delinquency;
    private final ModificationRequestService modificationRequests;
    private final PayoffQuotes payoffQuotes;
    private final BusinessCalendar calendar;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;

    public LoanResource(LoanService loans, RepaymentService repayments, ChargeOffService chargeOffs, DelinquencyService delinquency,
            ModificationRequestService modificationRequests, PayoffQuotes payoffQuotes, BusinessCalendar calendar, CurrentUser currentUser,
            ObjectMapper mapper) {
        this.loans = loans;
        this.repayments = repayments;
        this.chargeOffs = chargeOffs;
        this.delinquency = delinquency;
        this.modificationRequests = modificationRequests;
        this.payoffQuotes = payoffQuotes;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Operation(summary = "Book a loan", description = "Computes the repayment schedule (version 1) and emits LOAN_OPENED. Methods: "
            + "ANNUITY, EQUAL_PRINCIPAL, INTEREST_ONLY (balloon), FLEXIBLE (principalPlan, one amount per month).")
    @APIResponseSchema(value = LoanResponse.class, responseCode = "201", responseDescription = "Booked, with its schedule; Location is the loan")
    public Response open(@NotNull @Valid LoanRequest request) {
        LoanResponse created = LoanMapper.toResponse(loans.open(request), calendar.today());
        return Response.created(URI.create("/loans/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}")
    @Operation(summary = "A loan with its current schedule, delinquency and forbearance")
    public LoanResponse get(@PathParam("id") UUID id) {
        return LoanMapper.toResponse(loans.get(id), calendar.today());
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "Loans of a customer, oldest first")
    public List<LoanResponse> forCustomer(@QueryParam("customerId") @NotNull UUID customerId) {
        LocalDate today = calendar.today();
        return loans.forCustomer(customerId).stream().map(l -> LoanMapper.toResponse(l, today)).toList();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/schedule-versions")
    @Operation(operationId = "listLoanScheduleVersions", summary = "Every version of the loan's schedule, oldest first, with the reason it changed")
    public List<ScheduleVersionResponse> versions(@PathParam("id") UUID id) {
        return loans.versions(id).stream().map(v -> LoanMapper.toResponse(mapper, v)).toList();
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/repayments")
    @Operation(summary = "Record a repayment",
            description = "Due installments first (fees, interest, principal), then interest earned by day to the value date; any "
                    + "excess prepays principal and re-computes the installments not yet due (LOAN_MODIFIED); the payoff amount closes the "
                    + "loan (PREPAID before the last due date) and anything above it is kept as credit. Emits REPAYMENT_RECEIVED (on time "
                    + "or how late) and, on closure, LOAN_CLOSED.")
    @APIResponseSchema(value = RepaymentResponse.class, responseCode = "201", responseDescription = "Recorded; Location is the loan's repayment history")
    @APIResponse(responseCode = "422", description = "Loan closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response repay(@PathParam("id") UUID id, @NotNull @Valid RepaymentRequest request) {
        RepaymentService.Result result = repayments.repay(id, request, currentUser.name());
        return Response.created(URI.create("/loans/" + id + "/repayments")).entity(LoanMapper.toResponse(result.repayment(), result.loan())).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/repayments")
    @Operation(summary = "Repayment history, oldest first")
    public List<RepaymentResponse> repaymentHistory(@PathParam("id") UUID id) {
        Loan loan = loans.get(id);
        return repayments.history(id).stream().map(r -> LoanMapper.toResponse(r, loan)).toList();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/payoff")
    @Operation(summary = "The payoff quote on a date (default the business date)",
            description = "Unpaid principal and fees, interest due, and interest of the running period accrued to the date. "
                    + "Publishes PAYOFF_QUOTED (once per loan, user and business date).")
    public PayoffResponse payoff(@PathParam("id") UUID id, @QueryParam("on") String on) {
        LocalDate date = null;
        if (on != null) {
            try {
                date = LocalDate.parse(on);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("on", "on must be a date (YYYY-MM-DD), was " + on);
            }
        }
        return LoanMapper.toResponse(loans.get(id), payoffQuotes.quote(id, date, currentUser.name()));
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/delinquency")
    @Operation(summary = "Delinquency on the business date: bucket, days past due, overdue amount, and every bucket move")
    public DelinquencyResponse delinquency(@PathParam("id") UUID id) {
        Loan loan = loans.get(id);
        return LoanMapper.toDelinquency(loan, calendar.today(), delinquency.history(id));
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/charge-off")
    @Operation(operationId = "chargeOffLoan", summary = "Charge off the loan (operator)", description = "Closes it CHARGED_OFF with the reason and emits LOAN_CLOSED "
            + "with the unrecovered principal and interest.")
    @APIResponseSchema(value = LoanResponse.class, responseDescription = "Charged off")
    @APIResponse(responseCode = "422", description = "The loan is already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chargeOff(@PathParam("id") UUID id, @NotNull @Valid ChargeOffRequest request) {
        String user = currentUser.name();
        Loan loan = chargeOffs.chargeOff(id, request.reason(), user);
        return Response.ok(LoanMapper.toResponse(loan, calendar.today())).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/modifications")
    @Operation(summary = "Modifications applied to the loan, oldest first")
    public List<ModificationResponse> modifications(@PathParam("id") UUID id) {
        return loans.modifications(id).stream().map(LoanMapper::toResponse).toList();
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/modification-requests")
    @Operation(summary = "Ask for a modification (maker)", description = "Another user approves it: POST "
            + "/modification-requests/{id}/approve.")
    @APIResponseSchema(value = ModificationRequestResponse.class, responseCode = "201", responseDescription = "Requested, PENDING; Location is the request")
    public Response requestModification(@PathParam("id") UUID id, @NotNull @Valid ModificationRequestInput input) {
        String user = currentUser.name();
        ModificationRequestResponse created = ApplicationMapper.toResponse(modificationRequests.request(id, input, user));
        return Response.created(URI.create("/modification-requests/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/modification-requests")
    @Operation(summary = "Modification requests of the loan, oldest first")
    public List<ModificationRequestResponse> modificationRequests(@PathParam("id") UUID id) {
        return modificationRequests.forLoan(id).stream().map(ApplicationMapper::toResponse).toList();
    }
}
