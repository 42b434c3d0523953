package com.lendkeep.loan.domain;

public enum RepaymentMethod {
    /** Equal installments (French amortization). */
    ANNUITY,
    /** Equal principal, interest on the remaining balance: installments decrease. */
    EQUAL_PRINCIPAL
}
