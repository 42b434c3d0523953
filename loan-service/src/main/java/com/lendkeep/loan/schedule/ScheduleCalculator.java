package com.lendkeep.loan.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.lendkeep.loan.domain.RepaymentMethod;

/**
 * Amortization schedules. Conventions (docs/loan-arithmetic.md):
 * <ul>
 * <li>Day count 30/360: every monthly period carries {@code annualRate / 12} of interest, whatever
 * its calendar length.</li>
 * <li>Money has 2 decimals; every amount is rounded HALF_EVEN (banker's rounding) once, when it is
 * computed; intermediate arithmetic uses 34 significant digits.</li>
 * <li>The last installment takes the remaining balance as its principal, so the principal of a
 * schedule always sums exactly to the amount lent. Equal-principal amounts are rounded up to the
 * cent, so that the last one is never the largest.</li>
 * <li>Due dates are the start date plus 1..n months (the day of month is kept, clamped to the end
 * of shorter months).</li>
 * </ul>
 */
public final class ScheduleCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public record Line(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal balanceAfter) {
        public BigDecimal total() {
            return principal.add(interest);
        }
    }

    private ScheduleCalculator() {
    }

    public static List<LocalDate> monthlyDueDates(LocalDate start, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(start::plusMonths).toList();
    }

    /**
     * {@code count} monthly dates: {@code first}, then each following month on {@code dayOfMonth}
     * (clamped to shorter months), so that a schedule started on the 31st comes back to the 31st.
     */
    public static List<LocalDate> monthlyFrom(LocalDate first, int count, int dayOfMonth) {
        YearMonth month = YearMonth.from(first);
        List<LocalDate> dates = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            YearMonth m = month.plusMonths(k);
            dates.add(k == 0 ? first : m.atDay(Math.min(dayOfMonth, m.lengthOfMonth())));
        }
        return dates;
    }

    /** {@code count} monthly dates after {@code last}, on {@code dayOfMonth} (clamped to shorter months). */
    public static List<LocalDate> monthlyAfter(LocalDate last, int count, int dayOfMonth) {
        YearMonth month = YearMonth.from(last);
        return IntStream.rangeClosed(1, count).mapToObj(k -> {
            YearMonth m = month.plusMonths(k);
            return m.atDay(Math.min(dayOfMonth, m.lengthOfMonth()));
        }).toList();
    }

    public static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal monthlyRate(BigDecimal annualRate) {
        return annualRate.divide(TWELVE, MC);
    }

    /** The level installment that repays {@code principal} over {@code periods} at {@code monthlyRate}. */
    public static BigDecimal annuityPayment(BigDecimal principal, BigDecimal monthlyRate, int periods) {
        if (monthlyRate.signum() == 0) {
            return money(principal.divide(BigDecimal.valueOf(periods), MC));
        }
        BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(periods, MC);
        BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(growth, MC));
        return money(principal.multiply(monthlyRate, MC).divide(discount, MC));
    }

    /**
     * A schedule repaying {@code principal} on {@code dueDates} with {@code method}. Also used to
     * re-schedule the untouched installments (prepayment, rate change, restructuring). A FLEXIBLE
     * schedule needs its plan: see {@link #planned}.
     */
    public static List<Line> schedule(BigDecimal principal, BigDecimal annualRate, List<LocalDate> dueDates, RepaymentMethod method) {
        int n = dueDates.size();
        if (n == 0) {
            throw new IllegalArgumentException("a schedule needs at least one due date");
        }
        if (method == RepaymentMethod.FLEXIBLE) {
            throw new IllegalArgumentException("a FLEXIBLE schedule needs its principal plan");
        }
        BigDecimal rate = monthlyRate(annualRate);
        BigDecimal payment = method == RepaymentMethod.ANNUITY ? annuityPayment(principal, rate, n) : null;
        BigDecimal levelPrincipal = method == RepaymentMethod.EQUAL_PRINCIPAL
                // rounded up so the last installment's principal is never above the others: installments never increase
                ? principal.divide(BigDecimal.valueOf(n), 2, RoundingMode.CEILING)
                : null;
        List<Line> lines = new ArrayList<>(n);
        BigDecimal balance = money(principal);
        for (int i = 0; i < n; i++) {
            BigDecimal interest = money(balance.multiply(rate, MC));
            BigDecimal principalPart;
            if (i == n - 1) {
                principalPart = balance;
            } else if (method == RepaymentMethod.ANNUITY) {
                principalPart = payment.subtract(interest).max(BigDecimal.ZERO).min(balance);
            } else if (method == RepaymentMethod.EQUAL_PRINCIPAL) {
                principalPart = levelPrincipal.min(balance);
            } else {
                principalPart = ZERO; // interest only until the balloon
            }
            balance = balance.subtract(principalPart);
            lines.add(new Line(i + 1, dueDates.get(i), principalPart, interest, balance));
        }
        return lines;
    }

    /**
     * A schedule whose principal per period is given ({@code plan}, one amount per due date);
     * interest is on the remaining balance and the last line takes whatever balance is left.
     */
    public static List<Line> planned(BigDecimal principal, BigDecimal annualRate, List<LocalDate> dueDates, List<BigDecimal> plan) {
        int n = dueDates.size();
        if (n == 0 || plan.size() != n) {
            throw new IllegalArgumentException("the plan needs one amount per due date");
        }
        BigDecimal rate = monthlyRate(annualRate);
        List<Line> lines = new ArrayList<>(n);
        BigDecimal balance = money(principal);
        for (int i = 0; i < n; i++) {
            BigDecimal interest = money(balance.multiply(rate, MC));
            BigDecimal principalPart = i == n - 1 ? balance : money(plan.get(i)).max(BigDecimal.ZERO).min(balance);
            balance = balance.subtract(principalPart);
            lines.add(new Line(i + 1, dueDates.get(i), principalPart, interest, balance));
        }
        return lines;
    }

    /**
     * A schedule with a chosen installment: every line is {@code installment} until the balance is
     * repaid, the last one smaller; a last line below {@code minLast} is repaid with the one before
     * (a month earlier, so without its interest). Due dates from {@code first}, monthly on
     * {@code dayOfMonth}.
     *
     * @throws IllegalArgumentException if the installment does not cover the first month's interest,
     *         or the balance is not repaid within {@code maxPeriods}
     */
    public static List<Line> fixedInstallment(BigDecimal principal, BigDecimal annualRate, BigDecimal installment, LocalDate first,
            int dayOfMonth, int maxPeriods, BigDecimal minLast) {
        BigDecimal rate = monthlyRate(annualRate);
        BigDecimal balance = money(principal);
        BigDecimal firstInterest = money(balance.multiply(rate, MC));
        if (installment.compareTo(firstInterest) <= 0) {
            throw new IllegalArgumentException("an installment of " + installment + " does not cover the monthly interest "
                    + firstInterest + ": the balance would never go down");
        }
        List<Line> lines = new ArrayList<>();
        while (balance.signum() > 0) {
            if (lines.size() == maxPeriods) {
                throw new IllegalArgumentException("an installment of " + installment + " does not repay " + money(principal)
                        + " within " + maxPeriods + " months");
            }
            BigDecimal interest = money(balance.multiply(rate, MC));
            BigDecimal principalPart = installment.subtract(interest).min(balance);
            balance = balance.subtract(principalPart);
            lines.add(new Line(lines.size() + 1, null, principalPart, interest, balance));
        }
        int n = lines.size();
        if (n >= 2 && lines.get(n - 1).total().compareTo(minLast) < 0) {
            Line last = lines.remove(n - 1);
            Line before = lines.remove(n - 2);
            lines.add(new Line(before.seq(), null, before.principal().add(last.principal()), before.interest(), last.balanceAfter()));
        }
        List<LocalDate> dates = monthlyFrom(first, lines.size(), dayOfMonth);
        return IntStream.range(0, lines.size()).mapToObj(k -> {
            Line l = lines.get(k);
            return new Line(l.seq(), dates.get(k), l.principal(), l.interest(), l.balanceAfter());
        }).toList();
    }

    /**
     * The plan scaled to a new total (after a prepayment): each amount scaled and rounded down to
     * the cent, the last one takes the rest, so the shape is kept and the total is exact.
     */
    public static List<BigDecimal> scalePlan(List<BigDecimal> plan, BigDecimal newTotal) {
        BigDecimal oldTotal = plan.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> scaled = new ArrayList<>(plan.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < plan.size() - 1; i++) {
            BigDecimal part = oldTotal.signum() == 0 ? ZERO
                    : plan.get(i).multiply(newTotal, MC).divide(oldTotal, MC).setScale(2, RoundingMode.DOWN);
            scaled.add(part);
            sum = sum.add(part);
        }
        scaled.add(money(newTotal).subtract(sum));
        return scaled;
    }

    /** {@code amount} in {@code parts} cent amounts, rounded down, the last one taking the rest. */
    public static List<BigDecimal> spread(BigDecimal amount, int parts) {
        BigDecimal each = amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        List<BigDecimal> out = new ArrayList<>(parts);
        for (int i = 0; i < parts - 1; i++) {
            out.add(each);
        }
        out.add(money(amount).subtract(each.multiply(BigDecimal.valueOf(parts - 1))));
        return out;
    }
}
