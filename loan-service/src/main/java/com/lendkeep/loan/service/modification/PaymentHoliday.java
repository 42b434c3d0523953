package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.schedule.Accrual;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.loan.service.ModificationCommand;
import com.lendkeep.loan.service.Repricing;

/**
 * No installment for N months: the untouched installments move N months later. The first of them
 * then pays for a period N months longer, and its interest is the monthly interest on the principal
 * for every month of it (earned by day like any other): the holiday's interest is deferred to that
 * installment, not capitalised (no interest on interest) and not lost by a later modification.
 * Interest the first one had earned by the business date stays owed.
 */
@ApplicationScoped
public class PaymentHoliday implements LoanModifier {

    @Override
    public ModificationKind kind() {
        return ModificationKind.PAYMENT_HOLIDAY;
    }

    @Override
    public Outcome apply(Loan loan, ModificationCommand c, LocalDate today) {
        int months = c.holidayMonths();
        List<Installment> untouched = UntouchedInstallments.tail(loan, today);
        BigDecimal base = Repricing.principalOf(untouched);
        Installment first = untouched.get(0);
        BigDecimal interestBefore = first.interestDue;
        LocalDate firstBefore = first.dueDate;
        BigDecimal earned = Repricing.moveLater(loan, untouched, today, months).get(0);
        BigDecimal monthly = ScheduleCalculator.money(base.multiply(ScheduleCalculator.monthlyRate(loan.annualRate), MathContext.DECIMAL128));
        int index = loan.installments.indexOf(first);
        Accrual.reprice(first, Accrual.previousDueDate(loan.installments, index, loan.startDate), today, monthly, earned);
        return Outcome.conserving("payment holiday of " + months + " month(s): " + untouched.size() + " installment(s) from "
                + firstBefore + " moved " + months + " month(s) later; installment " + first.seq + " now pays the interest of its "
                + Accrual.months(Accrual.previousDueDate(loan.installments, index, loan.startDate), first.dueDate) + " month(s), "
                + first.interestDue.subtract(interestBefore) + " more");
    }
}
