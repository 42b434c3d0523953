package com.lendkeep.loan.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;

/**
 * What closes a loan on a value date (docs/loan-arithmetic.md, section 5): all unpaid principal and
 * fees, the unpaid interest of installments due by then, and the interest of the running period
 * accrued to that date (30E/360 share of that installment's interest). Interest of later periods is
 * not owed.
 */
public final class Payoff {

    /**
     * @param maxAccepted the most a payment on that date may be: the payoff amount, or, when only
     *                    one installment is not yet due, the whole unpaid amount (paying that last
     *                    installment in full ahead of time is always possible)
     */
    public record Quote(LocalDate on, BigDecimal principal, BigDecimal interestDue, BigDecimal accruedInterest, BigDecimal fees,
            BigDecimal payoffAmount, BigDecimal maxAccepted) {
    }

    private Payoff() {
    }

    /** {@code installments} in schedule order; {@code start} is the loan's start date. */
    public static Quote quote(List<Installment> installments, LocalDate start, LocalDate on) {
        BigDecimal principal = BigDecimal.ZERO.setScale(2);
        BigDecimal interestDue = BigDecimal.ZERO.setScale(2);
        BigDecimal fees = BigDecimal.ZERO.setScale(2);
        BigDecimal notDueInterest = BigDecimal.ZERO.setScale(2);
        int notDue = 0;
        for (Installment i : installments) {
            if (i.status == InstallmentStatus.PAID) {
                continue;
            }
            principal = principal.add(i.principalUnpaid());
            fees = fees.add(i.feeUnpaid());
            if (i.isDueBy(on)) {
                interestDue = interestDue.add(i.interestUnpaid());
            } else {
                notDue++;
                notDueInterest = notDueInterest.add(i.interestUnpaid());
            }
        }
        BigDecimal accrued = accruedInterest(installments, start, on);
        BigDecimal payoff = principal.add(interestDue).add(accrued).add(fees);
        BigDecimal max = notDue == 1 ? payoff.max(principal.add(interestDue).add(fees).add(notDueInterest)) : payoff;
        return new Quote(on, principal, interestDue, accrued, fees, payoff, max);
    }

    /**
     * Interest earned but not yet due on {@code on}: the share of the running installment's interest
     * for the days of its period already elapsed, less what was already paid on it.
     */
    public static BigDecimal accruedInterest(List<Installment> installments, LocalDate start, LocalDate on) {
        LocalDate periodStart = start;
        for (Installment i : installments) {
            if (i.dueDate.isAfter(on) && i.status != InstallmentStatus.PAID) {
                int period = DayCount.days30E360(periodStart, i.dueDate);
                int elapsed = DayCount.days30E360(periodStart, on);
                if (elapsed <= 0) {
                    return BigDecimal.ZERO.setScale(2);
                }
                BigDecimal share = period <= 0 || elapsed >= period ? BigDecimal.ONE
                        : BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(period), MathContext.DECIMAL128);
                BigDecimal accrued = ScheduleCalculator.money(i.interestDue.multiply(share, MathContext.DECIMAL128));
                return accrued.subtract(i.interestPaid).max(BigDecimal.ZERO.setScale(2));
            }
            periodStart = i.dueDate;
        }
        return BigDecimal.ZERO.setScale(2);
    }
}
