package com.lendkeep.retention.domain;

/** What a retention intervention does. Loan relief goes to loan-service; the rest are tasks done here. */
public enum InterventionKind {
    PAYMENT_EXTENSION(Family.LOAN_TERMS),
    PAYMENT_HOLIDAY(Family.LOAN_TERMS),
    RESTRUCTURING(Family.LOAN_TERMS),
    LOYALTY_RATE(Family.LOAN_TERMS),
    COMPETITOR_RATE_MATCH(Family.LOAN_TERMS),
    FEE_WAIVER(Family.GOODWILL),
    RELATIONSHIP_MANAGER_CALL(Family.TASK),
    FINANCIAL_COUNSELLING(Family.TASK);

    /**
     * LOAN_TERMS change the loan, so an alert gets at most one of them; GOODWILL is relief that can
     * come on top; TASK is work for a person in the bank, not a loan change.
     */
    public enum Family {
        LOAN_TERMS, GOODWILL, TASK
    }

    private final Family family;

    InterventionKind(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** Sent to loan-service as INTERVENTION_ACCEPTED once accepted. */
    public boolean isLoanRelief() {
        return family != Family.TASK;
    }

    public boolean isTask() {
        return family == Family.TASK;
    }

    public boolean changesRate() {
        return this == LOYALTY_RATE || this == COMPETITOR_RATE_MATCH;
    }
}
