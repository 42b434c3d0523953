package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.RepaymentMethod;

/**
 * @param termMonths        the term booked
 * @param currentTermMonths months from the start date to the last due date, after modifications
 * @param daysPastDue       days since the oldest overdue installment fell due (at closing, for a closed loan)
 * @param inForbearance     a forbearance modification's probation period runs on the business date
 */
public record LoanResponse(UUID id, UUID customerId, UUID applicationId, BigDecimal principal, BigDecimal annualRate,
        int termMonths, int currentTermMonths, LocalDate startDate, LocalDate maturityDate, RepaymentMethod method,
        BigDecimal lateFee, LoanStatus status, int scheduleVersion, LocalDate forbearanceUntil, boolean inForbearance,
        LocalDate closedOn, String closureReason, BigDecimal outstandingPrincipal, BigDecimal outstandingInterest,
        BigDecimal outstandingFees, BigDecimal overdueAmount, int daysPastDue,
        @Schema(description = "Delinquency bucket, e.g. 31-60; null when current") String delinquencyBucket,
        @Schema(description = "Received above what the loan owed, kept for the customer until refunded") BigDecimal creditBalance,
        @Schema(description = "Cash recovered after a charge-off") BigDecimal recovered,
        List<InstallmentView> schedule) {

    public record InstallmentView(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal total,
            BigDecimal fee, BigDecimal principalPaid, BigDecimal interestPaid, BigDecimal feePaid, InstallmentStatus status) {
    }
}
