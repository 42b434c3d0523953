package com.lendkeep.loan.service.modification;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.service.ModificationCommand;
import com.lendkeep.loan.service.Repricing;

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
        Repricing.moveLater(loan, moved, today, months);
        moved.forEach(i -> i.status = InstallmentStatus.PENDING);
        return Outcome.conserving("unpaid installments deferred by " + months + " month(s)");
    }
}
