package com.lendkeep.risk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One active loan of a customer, as its events tell it: arrears, rate and maturity. The customer's
 * involuntary signals follow the worst loan, so that a payment on one loan never cures another.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoanState {
    public UUID loanId;
    /** Days past due the latest event of this loan reported. */
    public int daysPastDue;
    /** Due date of this loan's oldest unpaid missed installment; null when current. */
    public LocalDate delinquentSince;
    public int consecutiveMissed;
    public BigDecimal annualRate;
    public LocalDate maturityDate;
    public LocalDate forbearanceUntil;

    public static LoanState of(UUID loanId) {
        LoanState l = new LoanState();
        l.loanId = loanId;
        return l;
    }

    /** Days past due on {@code today}: still growing while an installment stays unpaid. */
    public int daysPastDueOn(LocalDate today) {
        if (delinquentSince == null || today == null) {
            return daysPastDue;
        }
        return (int) Math.max(daysPastDue, ChronoUnit.DAYS.between(delinquentSince, today));
    }

    public void bringCurrent() {
        daysPastDue = 0;
        consecutiveMissed = 0;
        delinquentSince = null;
    }
}
