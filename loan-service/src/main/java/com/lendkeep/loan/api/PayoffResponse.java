package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param interestDue     unpaid interest of installments due on or before {@code on}
 * @param accruedInterest interest of the running period accrued to {@code on} (30E/360)
 * @param payoffAmount    what closes the loan on {@code on}
 * @param maxAccepted     the largest payment accepted on {@code on}
 */
public record PayoffResponse(UUID loanId, LocalDate on, BigDecimal principal, BigDecimal interestDue, BigDecimal accruedInterest,
        BigDecimal fees, BigDecimal payoffAmount, BigDecimal maxAccepted) {
}
