package com.lendkeep.loan.domain;

public enum RepaymentMethod {
    /** Equal installments (French amortization). */
    ANNUITY,
    /** Equal principal, interest on the remaining balance: installments decrease. */
    EQUAL_PRINCIPAL,
    /** Interest only every period, the whole principal with the last installment (balloon). */
    INTEREST_ONLY,
    /** Principal per period as planned at booking (seasonal incomes), interest on the remaining balance. */
    FLEXIBLE
}
