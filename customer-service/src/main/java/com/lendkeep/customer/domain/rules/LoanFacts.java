package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the rules need of one loan.
 *
 * @param principal   null when the loan is known only from repayments
 * @param outstanding principal still owed; null when unknown (then the principal counts)
 * @param status      ACTIVE, or how it closed (PREPAID, REPAID, CHARGED_OFF)
 */
public record LoanFacts(BigDecimal principal, BigDecimal outstanding, BigDecimal interestPaid, BigDecimal annualRate,
        LocalDate openedOn, LocalDate maturityDate, LocalDate closedOn, String status) {

    public static final String ACTIVE = "ACTIVE";
    public static final String PREPAID = "PREPAID";

    public boolean active() {
        return ACTIVE.equals(status);
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
