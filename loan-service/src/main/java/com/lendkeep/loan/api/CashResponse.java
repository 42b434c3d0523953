package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.loan.domain.LoanStatus;

/**
 * A recovery or a refund as booked, with the loan's totals after it.
 *
 * @param kind          RECOVERY or REFUND
 * @param recovered     all cash recovered after the charge-off
 * @param creditBalance what the loan still holds for the customer
 */
public record CashResponse(UUID id, UUID loanId, String kind, BigDecimal amount, LocalDate on, String recordedBy, LoanStatus loanStatus,
        BigDecimal recovered, BigDecimal creditBalance) {
}
