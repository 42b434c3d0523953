package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the rules need of one loan.
 *
 * @param principal   null when the loan is known only from repayments
 * @param outstanding principal still owed; null when unknown (then the principal counts)
 * @param status      ACTIVE, or how it closed (PREPAID, REPAID, CHARGED_OFF)
 * @param daysPastDue on the assessment's date, from the oldest overdue installment (0 when current or closed)
 */
public record LoanFacts(BigDecimal principal, BigDecimal outstanding, BigDecimal interestPaid, BigDecimal annualRate,
        LocalDate openedOn, LocalDate maturityDate, LocalDate closedOn, String status, int daysPastDue) {

    public static final String ACTIVE = "ACTIVE";
    public static final String PREPAID = "PREPAID";
    public static final String CHARGED_OFF = "CHARGED_OFF";

    /** A current loan (no arrears). */
    public LoanFacts(BigDecimal principal, BigDecimal outstanding, BigDecimal interestPaid, BigDecimal annualRate,
            LocalDate openedOn, LocalDate maturityDate, LocalDate closedOn, String status) {
        this(principal, outstanding, interestPaid, annualRate, openedOn, maturityDate, closedOn, status, 0);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean chargedOff() {
        return CHARGED_OFF.equals(status);
    }

    /** Active and fewer than {@code nonPerformingDays} past due: exposure that still earns. */
    public boolean performing(int nonPerformingDays) {
        return active() && daysPastDue < nonPerformingDays;
    }

    /** What the customer owes on this loan now; a closed loan owes nothing to the book. */
    public BigDecimal exposure() {
        if (!active()) {
            return BigDecimal.ZERO;
        }
        if (outstanding != null) {
            return outstanding;
        }
        return principal == null ? BigDecimal.ZERO : principal;
    }
}
