package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.loan.service.LoanTerms;
import com.lendkeep.loan.service.ModificationCommand;
import com.lendkeep.loan.service.Repricing;

/**
 * The untouched installments re-amortized at the loan's rate over their due dates plus N more
 * months. Interest earned by the business date on the running one stays owed (carried).
 */
@ApplicationScoped
public class TermExtension implements LoanModifier {

    private final LoanTerms terms;

    public TermExtension(LoanTerms terms) {
        this.terms = terms;
    }

    @Override
    public ModificationKind kind() {
        return ModificationKind.TERM_EXTENSION;
    }

    @Override
    public Outcome apply(Loan loan, ModificationCommand c, LocalDate today) {
        int months = c.extensionMonths();
        List<Installment> untouched = UntouchedInstallments.tail(loan, today);
        BigDecimal base = Repricing.principalOf(untouched);
        List<LocalDate> dates = new ArrayList<>(untouched.stream().map(i -> i.dueDate).toList());
        dates.addAll(ScheduleCalculator.monthlyAfter(dates.get(dates.size() - 1), months, loan.startDate.getDayOfMonth()));
        RepaymentMethod method = loan.method == RepaymentMethod.FLEXIBLE ? RepaymentMethod.ANNUITY : loan.method;
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(base, loan.annualRate, dates, method);
        UntouchedInstallments.check(terms, lines, method);
        Repricing.apply(loan, untouched, Repricing.earnedBefore(loan, untouched, today), lines, today);
        loan.method = method;
        return Outcome.conserving("term extended by " + months + " month(s): " + untouched.size() + " installment(s) due after "
                + today + " re-amortized over " + lines.size() + " at annual rate " + loan.annualRate + ", last due "
                + loan.maturityDate());
    }
}
