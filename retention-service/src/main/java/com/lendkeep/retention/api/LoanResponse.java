package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What retention-service knows of a loan, and what it is missing.
 *
 * @param termsKnown false while no LOAN_OPENED arrived: principal, rate and term are then null and listed in missing
 * @param daysPastDue at the last reading (observedOn); defaultOn the business date it reached the default threshold
 */
@Schema(name = "RetentionLoanFacts", description = "What loan and repayment events told retention-service about a loan")
public record LoanResponse(UUID loanId, UUID customerId, boolean termsKnown, BigDecimal principal, BigDecimal annualRate, Integer termMonths,
        LocalDate startDate, String closure, Integer daysPastDue, LocalDate observedOn, LocalDate defaultOn, LocalDate distressedOn,
        BigDecimal feesOutstanding, BigDecimal outstanding, List<String> missing) {
}
