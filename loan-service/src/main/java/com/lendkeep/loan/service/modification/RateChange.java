package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.loan.service.ModificationCommand;
import com.lendkeep.loan.service.Repricing;

/**
 * A new rate (loyalty rate, competitor match) on the untouched installments due after
 * {@code effectiveFrom}, same due dates. Interest earned at the old rate by the business date stays
 * owed; the new rate runs from then. Commercial, not forbearance.
 */
@ApplicationScoped
public class RateChange implements LoanModifier {

    @Override
    public ModificationKind kind() {
        return ModificationKind.RATE_CHANGE;
    }

    @Override
    public Outcome apply(Loan loan, ModificationCommand c, LocalDate today) {
        LocalDate from = UntouchedInstallments.effectiveFrom(c, today);
        BigDecimal rate = c.newAnnualRate();
        List<Installment> untouched = loan.installments.stream().filter(i -> i.isUntouched(from)).toList();
        BigDecimal oldRate = loan.annualRate;
        if (!untouched.isEmpty()) {
            List<ScheduleCalculator.Line> lines = UntouchedInstallments.recompute(loan.method, Repricing.principalOf(untouched), rate,
                    untouched);
            Repricing.apply(loan, untouched, Repricing.earnedBefore(loan, untouched, today), lines, today);
        }
        loan.annualRate = rate;
        return Outcome.conserving(c.label() + ": annual rate changed to " + rate + " (was " + oldRate + ") on " + untouched.size()
                + " untouched installment(s) due after " + from);
    }
}
