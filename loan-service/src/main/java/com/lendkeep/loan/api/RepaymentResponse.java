package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.loan.domain.LoanStatus;

/**
 * @param daysLate days from the oldest unpaid due date to {@code paidOn}
 * @param onTime   {@code daysLate} within the grace days
 * @param toCredit what was above the payoff amount, kept as the loan's credit balance
 * @param reversedOn set when the repayment was reversed (bounced), with the reason
 */
public record RepaymentResponse(UUID id, UUID loanId, BigDecimal amount, LocalDate paidOn, BigDecimal toFees, BigDecimal toInterest,
        BigDecimal toPrincipal, int daysLate, boolean onTime, String recordedBy, BigDecimal outstandingPrincipal, LoanStatus loanStatus,
        BigDecimal toCredit, BigDecimal creditBalance, LocalDate reversedOn, String reversalReason) {
}
