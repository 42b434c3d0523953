package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import com.lendkeep.platform.rest.ApiException;

/**
 * The untouched installments after {@code effectiveFrom} replaced by a new schedule of their
 * principal: at the new rate, over the new number of months, or with the new installment. Arrears
 * stay as they are; interest earned by the business date stays owed, and a first period longer than
 * a month (after a payment holiday) keeps its interest for every month of it.
 */
@ApplicationScoped
public class Restructuring implements LoanModifier {

    private final LoanTerms terms;

    public Restructuring(LoanTerms terms) {
        this.terms = terms;
    }

    @Override
    public ModificationKind kind() {
        return ModificationKind.RESTRUCTURING;
    }

    @Override
    public Outcome apply(Loan loan, ModificationCommand c, LocalDate today) {
        LocalDate from = UntouchedInstallments.effectiveFrom(c, today);
        List<Installment> untouched = UntouchedInstallments.tail(loan, from);
        BigDecimal base = Repricing.principalOf(untouched);
        BigDecimal rate = c.newAnnualRate() == null ? loan.annualRate : c.newAnnualRate();
        LocalDate first = untouched.get(0).dueDate;
        int day = loan.startDate.getDayOfMonth();
        RepaymentMethod method;
        List<ScheduleCalculator.Line> lines;
        if (c.newInstallment() != null) {
            method = RepaymentMethod.ANNUITY;
            try {
                lines = ScheduleCalculator.fixedInstallment(base, rate, ScheduleCalculator.money(c.newInstallment()), first, day,
                        UntouchedInstallments.MAX_TERM, terms.minInstallment());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable(e.getMessage());
            }
        } else if (c.newTermMonths() != null) {
            method = loan.method == RepaymentMethod.FLEXIBLE ? RepaymentMethod.ANNUITY : loan.method;
            lines = ScheduleCalculator.schedule(base, rate, ScheduleCalculator.monthlyFrom(first, c.newTermMonths(), day), method);
        } else {
            method = loan.method;
            lines = UntouchedInstallments.recompute(loan.method, base, rate, untouched);
        }
        UntouchedInstallments.check(terms, lines, method);
        BigDecimal oldRate = loan.annualRate;
        int replaced = untouched.size();
        Repricing.apply(loan, untouched, Repricing.earnedBefore(loan, untouched, today), lines, today);
        loan.annualRate = rate;
        loan.method = method;
        return Outcome.conserving("restructured from " + from + ": " + replaced + " installment(s) replaced by " + lines.size()
                + " at annual rate " + rate + " (was " + oldRate + "), installment " + lines.get(0).total() + ", last due "
                + loan.maturityDate());
    }
}
