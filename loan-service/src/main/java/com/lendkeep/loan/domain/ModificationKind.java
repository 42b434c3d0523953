package com.lendkeep.loan.domain;

/** What a modification does to a loan (docs/loan-arithmetic.md, section 8). */
public enum ModificationKind {
    /** Every unpaid installment moves N months later; overdue ones are re-aged. */
    PAYMENT_EXTENSION(true),
    /** The untouched installments are re-amortized over N more months. */
    TERM_EXTENSION(true),
    /** New rate, remaining term or installment for the untouched installments from a date. */
    RESTRUCTURING(true),
    /** New rate on the untouched installments (loyalty rate, competitor match): commercial, not forbearance. */
    RATE_CHANGE(false),
    /** No installment for N months; the interest of those months is spread over the later ones. */
    PAYMENT_HOLIDAY(true),
    /** Unpaid fees waived, oldest first. */
    FEE_WAIVER(false);

    private final boolean forbearance;

    ModificationKind(boolean forbearance) {
        this.forbearance = forbearance;
    }

    /** Concessions to a borrower in difficulty flag the loan as forborne for the probation period. */
    public boolean isForbearance() {
        return forbearance;
    }
}
