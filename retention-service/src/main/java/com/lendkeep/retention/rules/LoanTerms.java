package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What retention-service knows of a loan, from loan-events. The schedule is kept as a basis
 * (balance and number of installments at a date, at the current rate), re-based on each
 * LOAN_MODIFIED; positions are estimated as if every installment since the basis was paid on time.
 *
 * @param closure null while the loan is open, else PREPAID, REPAID or CHARGED_OFF
 */
public record LoanTerms(UUID loanId, BigDecimal annualRate, LocalDate basisDate, BigDecimal basisBalance, int basisTerm,
        LocalDate forbearanceUntil, String delinquencyBucket, String closure) {

    /** Balance, rate and installments left at a date. */
    public record Position(BigDecimal balance, BigDecimal annualRate, int remainingMonths) {
    }

    public boolean closed() {
        return closure != null;
    }

    public boolean inForbearance(LocalDate asOf) {
        return forbearanceUntil != null && !forbearanceUntil.isBefore(asOf);
    }

    public LoanState state(LocalDate asOf) {
        if (closed()) {
            return LoanState.CLOSED;
        }
        if (inForbearance(asOf)) {
            return LoanState.IN_FORBEARANCE;
        }
        return delinquencyBucket != null ? LoanState.DELINQUENT : LoanState.CURRENT;
    }

    public Position positionAt(LocalDate asOf) {
        if (closed()) {
            return new Position(BigDecimal.ZERO.setScale(2), annualRate, 0);
        }
        int paid = installmentsDue(asOf);
        return new Position(LoanMath.balanceAfter(basisBalance, annualRate, basisTerm, paid), annualRate, basisTerm - paid);
    }

    /** Installments of the basis due on or before {@code asOf}: one a month after the basis date. */
    public int installmentsDue(LocalDate asOf) {
        long months = ChronoUnit.MONTHS.between(basisDate, asOf);
        return (int) Math.max(0, Math.min(basisTerm, months));
    }
}
