package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.schedule.Accrual;
import com.lendkeep.loan.schedule.ScheduleCalculator;

/**
 * Puts a new schedule on installments not yet due without losing interest already earned
 * (docs/loan-arithmetic.md, sections 6 and 10). The one piece shared by prepayments and every
 * modification that re-computes installments: what each installment had earned by the business
 * date under the old terms stays owed (carried), and only the days after it take the new terms.
 * A first installment whose period spans several months (after a payment holiday) carries the new
 * monthly interest for each of them.
 */
public final class Repricing {

    private Repricing() {
    }

    /** Interest each of {@code targets} has earned by {@code on}; read before anything changes. */
    public static List<BigDecimal> earnedBefore(Loan loan, List<Installment> targets, LocalDate on) {
        List<BigDecimal> earned = new ArrayList<>(targets.size());
        for (Installment i : targets) {
            earned.add(Accrual.earnedTo(loan.installments, loan.installments.indexOf(i), loan.startDate, on));
        }
        return earned;
    }

    /**
     * {@code targets} (in schedule order, already on their new due dates) take the lines' principal
     * and, from {@code on}, their interest; {@code earned} is {@link #earnedBefore} of the same
     * installments (extra lines add installments; carried interest of dropped ones moves to the first).
     */
    public static void apply(Loan loan, List<Installment> targets, List<BigDecimal> earned, List<ScheduleCalculator.Line> lines, LocalDate on) {
        int lastSeq = targets.get(targets.size() - 1).seq;
        // an installment whose interest is all carried (arrears deferred by an extension) has an
        // interest-free deferral period: re-pricing must not start charging it
        List<Boolean> deferredArrears = new ArrayList<>(targets.size());
        for (int k = 0; k < targets.size(); k++) {
            Installment i = targets.get(k);
            deferredArrears.add(i.interestEarned.signum() > 0 && i.interestDue.compareTo(i.interestEarned) == 0);
        }
        BigDecimal carriedOfDropped = BigDecimal.ZERO.setScale(2);
        for (int k = lines.size(); k < targets.size(); k++) {
            carriedOfDropped = carriedOfDropped.add(earned.get(k));
            loan.installments.remove(targets.get(k));
        }
        for (int k = 0; k < lines.size(); k++) {
            ScheduleCalculator.Line line = lines.get(k);
            Installment i;
            if (k < targets.size()) {
                i = targets.get(k);
            } else {
                i = LoanService.newInstallment(loan, line);
                i.seq = lastSeq + k - targets.size() + 1;
                loan.installments.add(i);
            }
            if (line.dueDate() != null) {
                i.dueDate = line.dueDate();
            }
            i.principalDue = i.principalPaid.add(line.principal());
            i.status = InstallmentStatus.PENDING;
        }
        for (int k = 0; k < lines.size(); k++) {
            Installment i = k < targets.size() ? targets.get(k) : loan.installments.get(loan.installments.size() - lines.size() + k);
            BigDecimal before = k < targets.size() ? earned.get(k) : BigDecimal.ZERO.setScale(2);
            if (k == 0) {
                before = before.add(carriedOfDropped);
            }
            if (k < targets.size() && deferredArrears.get(k)) {
                i.interestDue = before;
                i.interestEarned = before;
                i.accrualStart = null;
                continue;
            }
            int index = loan.installments.indexOf(i);
            Accrual.reprice(i, Accrual.previousDueDate(loan.installments, index, loan.startDate), on, lines.get(k).interest(), before);
        }
    }

    /**
     * Moves {@code moved} {@code months} later without changing what any of them had earned by
     * {@code on}: an installment whose accrual had started keeps that much as carried interest and
     * earns the rest from {@code on} to its new due date (an installment already due keeps it all).
     * Returns what each had earned (for a caller that re-prices one of them).
     */
    public static List<BigDecimal> moveLater(Loan loan, List<Installment> moved, LocalDate on, int months) {
        List<BigDecimal> earned = earnedBefore(loan, moved, on);
        for (int k = 0; k < moved.size(); k++) {
            Installment i = moved.get(k);
            if (i.isDueBy(on)) {
                i.interestEarned = earned.get(k);
                i.accrualStart = null;
            } else if (earned.get(k).compareTo(i.interestEarned) != 0) {
                i.interestEarned = earned.get(k);
                i.accrualStart = on;
            }
            i.dueDate = i.dueDate.plusMonths(months);
        }
        return earned;
    }

    public static BigDecimal principalOf(List<Installment> installments) {
        return installments.stream().map(Installment::principalUnpaid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
