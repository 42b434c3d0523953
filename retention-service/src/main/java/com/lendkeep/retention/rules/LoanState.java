package com.lendkeep.retention.rules;

/** The state of the alert's loan as a playbook condition sees it (first that applies, top down). */
public enum LoanState {
    /** LOAN_CLOSED received (prepaid, repaid or charged off). */
    CLOSED,
    /** forbearanceUntil (from LOAN_MODIFIED) is on or after the alert date. */
    IN_FORBEARANCE,
    /** The last DELINQUENCY_CHANGED put it in a delinquency bucket. */
    DELINQUENT,
    CURRENT,
    /** The alert names no loan. */
    NONE
}
