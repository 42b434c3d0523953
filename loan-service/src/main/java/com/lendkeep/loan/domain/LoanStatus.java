package com.lendkeep.loan.domain;

public enum LoanStatus {
    ACTIVE,
    /** Repaid in full before the last due date: the voluntary-churn signal. */
    PREPAID,
    /** Repaid in full on schedule. */
    REPAID,
    CHARGED_OFF;

    public boolean isClosed() {
        return this != ACTIVE;
    }
}
