package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.RepaymentMethod;

public record LoanResponse(UUID id, UUID customerId, BigDecimal principal, BigDecimal annualRate, int termMonths,
        LocalDate startDate, RepaymentMethod method, LoanStatus status, int scheduleVersion, LocalDate forbearanceUntil,
        LocalDate closedOn, BigDecimal outstandingPrincipal, BigDecimal overdueAmount, int daysPastDue,
        List<InstallmentView> schedule) {

    public record InstallmentView(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal total,
            BigDecimal principalPaid, BigDecimal interestPaid, InstallmentStatus status) {
    }
}
