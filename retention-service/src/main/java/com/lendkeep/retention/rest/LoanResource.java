package com.lendkeep.retention.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.LoanResponse;
import com.lendkeep.retention.domain.LoanFact;
import com.lendkeep.retention.domain.LoanStatus;
import com.lendkeep.retention.repository.LoanFactRepository;
import com.lendkeep.retention.repository.LoanStatusRepository;

@Path("/loans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loans", description = "What loan and repayment events told retention-service about a loan, and what is missing")
public class LoanResource {

    private final LoanFactRepository facts;
    private final LoanStatusRepository statuses;

    public LoanResource(LoanFactRepository facts, LoanStatusRepository statuses) {
        this.facts = facts;
        this.statuses = statuses;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{loanId}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getRetentionLoanFacts", summary = "A loan's terms (LOAN_OPENED) and credit facts (days past due, default, fees, outstanding), with what is missing")
    public LoanResponse get(@PathParam("loanId") UUID loanId) {
        LoanFact f = facts.findById(loanId);
        LoanStatus s = statuses.findById(loanId);
        if (f == null && s == null) {
            throw ApiException.notFound("loan", loanId);
        }
        List<String> missing = new ArrayList<>();
        if (f == null) {
            missing.add("terms: no LOAN_OPENED received (principal, rate, term, start date)");
        }
        if (s == null || s.feesOutstanding == null) {
            missing.add("feesOutstanding: no loan event has reported unpaid fees");
        }
        if (s == null || s.outstanding == null) {
            missing.add("outstanding: no event has reported the balance" + (f == null ? "" : " (estimated from the schedule)"));
        }
        return new LoanResponse(loanId, f != null ? f.customerId : s.customerId, f != null, f == null ? null : f.principal,
                f == null ? null : f.annualRate, f == null ? null : f.termMonths, f == null ? null : f.startDate, f == null ? null : f.closure,
                s == null ? null : s.daysPastDue, s == null ? null : s.observedOn, s == null ? null : s.defaultOn,
                s == null ? null : s.distressedOn, s == null ? null : s.feesOutstanding, s == null ? null : s.outstanding, missing);
    }
}
