package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.lendkeep.loan.domain.ApplicationStatus;
import com.lendkeep.loan.domain.RepaymentMethod;

/**
 * @param reason why it was rejected or withdrawn
 * @param disbursedBy the user who disbursed it (null before, and for disbursements made before this was recorded)
 */
public record ApplicationResponse(UUID id, UUID customerId, BigDecimal amount, BigDecimal annualRate, int termMonths,
        RepaymentMethod method, List<BigDecimal> principalPlan, BigDecimal lateFee, ApplicationStatus status, String reason,
        String submittedBy, LocalDate submittedOn, String decidedBy, LocalDate decidedOn, String disbursedBy, UUID loanId) {
}
