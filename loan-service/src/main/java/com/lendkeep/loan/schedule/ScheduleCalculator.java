package com.lendkeep.loan.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
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
     * A schedule repaying {@code principal} on {@code dueDates}. Also used to re-schedule the
     * remaining balance after a rate change, with the remaining due dates.
     */
    public static List<Line> schedule(BigDecimal principal, BigDecimal annualRate, List<LocalDate> dueDates, RepaymentMethod method) {
        int n = dueDates.size();
        if (n == 0) {
            throw new IllegalArgumentException("a schedule needs at least one due date");
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
            } else if (payment != null) {
                principalPart = payment.subtract(interest).max(BigDecimal.ZERO).min(balance);
            } else {
                principalPart = levelPrincipal.min(balance);
            }
            balance = balance.subtract(principalPart);
            lines.add(new Line(i + 1, dueDates.get(i), principalPart, interest, balance));
        }
        return lines;
    }
}
