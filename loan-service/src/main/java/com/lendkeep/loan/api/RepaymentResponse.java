package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.loan.domain.LoanStatus;

public record RepaymentResponse(UUID id, UUID loanId, BigDecimal amount, LocalDate paidOn, BigDecimal toInterest,
        BigDecimal toPrincipal, int daysLate, boolean onTime, BigDecimal outstandingPrincipal, LoanStatus loanStatus) {
}
