package com.lendkeep.loan.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import com.lendkeep.loan.domain.Installment;

/**
 * Interest earned by day (docs/loan-arithmetic.md, section 6). An installment's interest is earned
 * over its accrual period, from its {@code accrualStart} (or the previous due date, or the loan's
 * start) to its due date: its carried {@code interestEarned} at once, the rest linearly by 30E/360
 * days. Within a monthly period that is {@code annualRate / 360} a day on the principal the period's
 * interest was computed on. Once due, all of it is owed.
 */
public final class Accrual {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Accrual() {
    }

    /** The start of the accrual period of {@code schedule.get(index)}. */
    public static LocalDate periodStart(List<Installment> schedule, int index, LocalDate loanStart) {
        Installment i = schedule.get(index);
        if (i.accrualStart != null) {
            return i.accrualStart;
        }
        return index == 0 ? loanStart : schedule.get(index - 1).dueDate;
    }

    /** The start of the monthly period(s) the installment pays for: the previous due date, or the loan's start. */
    public static LocalDate previousDueDate(List<Installment> schedule, int index, LocalDate loanStart) {
        return index == 0 ? loanStart : schedule.get(index - 1).dueDate;
    }

    /**
     * Interest of the installment earned by {@code on}, paid or not: all of it once due, otherwise the
     * carried part plus the elapsed share of the rest (never above its interest).
     */
    public static BigDecimal earnedTo(List<Installment> schedule, int index, LocalDate loanStart, LocalDate on) {
        Installment i = schedule.get(index);
        if (i.isDueBy(on)) {
            return i.interestDue;
        }
        LocalDate from = periodStart(schedule, index, loanStart);
        BigDecimal periodic = i.interestDue.subtract(i.interestEarned);
        int elapsed = DayCount.days30E360(from, on);
        int period = DayCount.days30E360(from, i.dueDate);
        BigDecimal accrued;
        if (elapsed <= 0) {
            accrued = ZERO;
        } else if (period <= 0 || elapsed >= period) {
            accrued = periodic;
        } else {
            accrued = ScheduleCalculator.money(periodic.multiply(BigDecimal.valueOf(elapsed), MathContext.DECIMAL128)
                    .divide(BigDecimal.valueOf(period), MathContext.DECIMAL128));
        }
        return i.interestEarned.add(accrued).max(ZERO).min(i.interestDue);
    }

    /** Earned interest not yet paid on {@code on}. */
    public static BigDecimal owedTo(List<Installment> schedule, int index, LocalDate loanStart, LocalDate on) {
        return earnedTo(schedule, index, loanStart, on).subtract(schedule.get(index).interestPaid).max(ZERO);
    }

    /** Whole months a period spans: its 30E/360 days / 30, rounded, at least 1 (a payment holiday makes longer ones). */
    public static int months(LocalDate from, LocalDate to) {
        return Math.max(1, Math.round(DayCount.days30E360(from, to) / 30f));
    }

    /**
     * Re-prices an installment not yet due from {@code on}: {@code earnedBefore} (what it had earned by
     * {@code on} under the old terms, computed before anything changed) stays owed as carried interest,
     * and the days left to its due date carry {@code monthlyInterest} (the new terms' interest for one
     * month) per diem. When its period has not started, it simply carries {@code monthlyInterest} for
     * each month of the period. {@code dueFrom} is the previous due date (or the loan's start).
     */
    public static void reprice(Installment i, LocalDate dueFrom, LocalDate on, BigDecimal monthlyInterest, BigDecimal earnedBefore) {
        int months = months(dueFrom, i.dueDate);
        BigDecimal full = monthlyInterest.multiply(BigDecimal.valueOf(months));
        i.interestEarned = earnedBefore;
        if (!on.isAfter(dueFrom)) {
            i.accrualStart = null;
            i.interestDue = earnedBefore.add(ScheduleCalculator.money(full));
            return;
        }
        int left = DayCount.days30E360(on, i.dueDate);
        int period = DayCount.days30E360(dueFrom, i.dueDate);
        BigDecimal rest = left <= 0 || period <= 0 ? ZERO
                : ScheduleCalculator.money(full.multiply(BigDecimal.valueOf(left), MathContext.DECIMAL128)
                        .divide(BigDecimal.valueOf(period), MathContext.DECIMAL128));
        i.accrualStart = on;
        i.interestDue = earnedBefore.add(rest);
    }
}
