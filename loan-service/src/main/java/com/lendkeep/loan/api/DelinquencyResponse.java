package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A loan's delinquency on the business date, and every bucket move, oldest first. */
public record DelinquencyResponse(UUID loanId, LocalDate asOf, String bucket, int daysPastDue, BigDecimal overdueAmount,
        int overdueInstallments, LocalDate oldestOverdueDueDate, List<Move> history) {

    /** @param trigger CLOSE_OF_BUSINESS, REPAYMENT or MODIFICATION */
    public record Move(String previousBucket, String newBucket, int daysPastDue, BigDecimal overdueAmount, LocalDate businessDate,
            String trigger, Instant at) {
    }
}
