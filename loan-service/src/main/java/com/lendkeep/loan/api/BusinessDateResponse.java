package com.lendkeep.loan.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The business date and what the close of business that produced it did (all 0 and
 * {@code closedAt} null if no close of business has run yet).
 *
 * @param missedPayments     installments that became overdue
 * @param delinquencyChanges loans that moved between delinquency buckets
 * @param chargedOff         loans charged off for days past due
 */
public record BusinessDateResponse(LocalDate date, LocalDate previousDate, int missedPayments, int lateFeesCharged,
        int delinquencyChanges, int chargedOff, String triggeredBy, Instant closedAt) {
}
