package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.schedule.Accrual;
import com.lendkeep.loan.service.ModificationCommand;

/**
 * Every installment not fully paid moves N months later (its own date plus N) and overdue ones are
 * re-aged. Nothing earned is dropped: the interest of installments that were due, and what the
 * running one had earned by the business date, are <b>deferred</b> (carried on the installment,
 * still owed in a payoff); the running one's other interest is earned over its longer period.
 * No interest is charged for the deferral itself.
 */
@ApplicationScoped
public class PaymentExtension implements LoanModifier {

    @Override
    public ModificationKind kind() {
        return ModificationKind.PAYMENT_EXTENSION;
    }

    @Override
    public Outcome apply(Loan loan, ModificationCommand c, LocalDate today) {
        int months = c.extensionMonths();
        List<Installment> moved = loan.installments.stream().filter(i -> i.status != InstallmentStatus.PAID).toList();
        List<BigDecimal> earned = new ArrayList<>();
        for (Installment i : moved) {
            earned.add(Accrual.earnedTo(loan.installments, loan.installments.indexOf(i), loan.startDate, today));
        }
        for (int k = 0; k < moved.size(); k++) {
            Installment i = moved.get(k);
            boolean running = !i.isDueBy(today) && earned.get(k).compareTo(i.interestEarned) > 0;
            i.interestEarned = earned.get(k);
            if (i.isDueBy(today) || running) {
                // what it earned so far is carried; the rest accrues from today to its new due date
                i.accrualStart = i.isDueBy(today) ? null : today;
            }
            i.dueDate = i.dueDate.plusMonths(months);
            i.status = InstallmentStatus.PENDING;
        }
        return Outcome.conserving("unpaid installments deferred by " + months + " month(s)");
    }
}
