package com.lendkeep.loan.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.LoanRequest;
import com.lendkeep.loan.api.LoanResponse;
import com.lendkeep.loan.api.RepaymentRequest;
import com.lendkeep.loan.api.RepaymentResponse;
import com.lendkeep.loan.api.ScheduleVersionResponse;
import com.lendkeep.loan.mapping.LoanMapper;
import com.lendkeep.loan.service.BusinessCalendar;
import com.lendkeep.loan.service.LoanService;
import com.lendkeep.loan.service.RepaymentService;
import com.lendkeep.platform.rest.Problem;

@Path("/loans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loans", description = "Loans, schedules and repayments")
@APIResponse(responseCode = "400", description = "Invalid input; the detail names the field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LoanResource {

    private final LoanService loans;
    private final RepaymentService repayments;
    private final BusinessCalendar calendar;
    private final ObjectMapper mapper;

    public LoanResource(LoanService loans, RepaymentService repayments, BusinessCalendar calendar, ObjectMapper mapper) {
        this.loans = loans;
        this.repayments = repayments;
        this.calendar = calendar;
        this.mapper = mapper;
    }

    @POST
    @Operation(summary = "Book a loan", description = "Computes the repayment schedule (version 1) and emits LOAN_OPENED.")
    @APIResponse(responseCode = "201", description = "Booked, with its schedule")
    public Response open(@NotNull @Valid LoanRequest request) {
        LoanResponse created = LoanMapper.toResponse(loans.open(request), calendar.today());
        return Response.created(URI.create("/loans/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A loan with its current schedule, days past due and overdue amount")
    @APIResponse(responseCode = "404", description = "No such loan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LoanResponse get(@PathParam("id") UUID id) {
        return LoanMapper.toResponse(loans.get(id), calendar.today());
    }

    @GET
    @Operation(summary = "Loans of a customer")
    public List<LoanResponse> forCustomer(@QueryParam("customerId") @NotNull UUID customerId) {
        LocalDate today = calendar.today();
        return loans.forCustomer(customerId).stream().map(l -> LoanMapper.toResponse(l, today)).toList();
    }

    @GET
    @Path("/{id}/schedule-versions")
    @Operation(summary = "Every version of the loan's schedule, oldest first, with the reason it changed")
    public List<ScheduleVersionResponse> versions(@PathParam("id") UUID id) {
        return loans.versions(id).stream().map(v -> LoanMapper.toResponse(mapper, v)).toList();
    }

    @POST
    @Path("/{id}/repayments")
    @Operation(summary = "Record a repayment",
            description = "Allocated oldest installment first, interest before principal; any excess prepays principal and "
                    + "re-computes the remaining installments; the full payoff amount closes the loan (PREPAID before the last "
                    + "due date). Emits REPAYMENT_RECEIVED (on time or how late) and, on closure, LOAN_CLOSED.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "422", description = "Loan closed, or amount above the payoff amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response repay(@PathParam("id") UUID id, @NotNull @Valid RepaymentRequest request) {
        RepaymentService.Result result = repayments.repay(id, request);
        return Response.status(201).entity(LoanMapper.toResponse(result.repayment(), result.loan())).build();
    }

    @GET
    @Path("/{id}/repayments")
    @Operation(summary = "Repayment history, oldest first")
    public List<RepaymentResponse> repaymentHistory(@PathParam("id") UUID id) {
        var loan = loans.get(id);
        return repayments.history(id).stream().map(r -> LoanMapper.toResponse(r, loan)).toList();
    }
}
