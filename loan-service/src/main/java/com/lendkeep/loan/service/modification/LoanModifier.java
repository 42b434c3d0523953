package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.service.ModificationCommand;

/**
 * One kind of modification (docs/loan-arithmetic.md, section 10). {@link #apply} checks every rule
 * before it changes anything (a refusal is an ApiException, so an accepted intervention can be
 * answered with LOAN_MODIFICATION_REJECTED in the same transaction) and says what it waived.
 * Interest already earned and fees are never dropped silently: they stay owed (deferred or
 * capitalised on an installment) or are waived as the returned concession; ModificationService
 * checks that the payoff amount moved by exactly that.
 */
public interface LoanModifier {

    /**
     * @param description what was done, for the modification row, the schedule version and LOAN_MODIFIED
     * @param concession  earned interest and fees the customer no longer owes (0.00 when nothing is waived)
     */
    record Outcome(String description, BigDecimal concession) {
        public static Outcome conserving(String description) {
            return new Outcome(description, BigDecimal.ZERO.setScale(2));
        }
    }

    ModificationKind kind();

    /** Changes the locked, ACTIVE {@code loan} on the business date {@code today}. */
    Outcome apply(Loan loan, ModificationCommand command, LocalDate today);
}
