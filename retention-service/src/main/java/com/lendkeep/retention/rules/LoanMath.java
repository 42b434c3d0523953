package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Annuity arithmetic for estimates (docs/retention.md, "Cost and value"). Computed in double and
 * rounded to cents at the end: these are estimates for ranking, approval and reports, not
 * bookings; loan-service keeps the exact schedule.
 */
public final class LoanMath {
    private LoanMath() {
    }

    /** Monthly installment that repays {@code balance} in {@code months} at {@code annualRate}. */
    static double installment(double balance, double annualRate, int months) {
        if (months <= 0) {
            return balance;
        }
        double r = annualRate / 12;
        return r == 0 ? balance / months : balance * r / (1 - Math.pow(1 + r, -months));
    }

    /** Principal still owed after {@code paid} of {@code months} installments, paid on schedule. */
    static double balanceAfter(double balance, double annualRate, int months, int paid) {
        if (paid <= 0) {
            return balance;
        }
        if (paid >= months) {
            return 0;
        }
        double r = annualRate / 12;
        if (r == 0) {
            return balance * (1 - (double) paid / months);
        }
        double growth = Math.pow(1 + r, paid);
        return balance * growth - installment(balance, annualRate, months) * (growth - 1) / r;
    }

    /** Interest still to be earned on {@code balance} over {@code months} installments: n x installment - balance. */
    static double remainingInterest(double balance, double annualRate, int months) {
        if (months <= 0 || balance <= 0) {
            return 0;
        }
        return months * installment(balance, annualRate, months) - balance;
    }

    public static BigDecimal remainingInterest(BigDecimal balance, BigDecimal annualRate, int months) {
        return cents(remainingInterest(balance.doubleValue(), annualRate.doubleValue(), months));
    }

    public static BigDecimal balanceAfter(BigDecimal balance, BigDecimal annualRate, int months, int paid) {
        return cents(balanceAfter(balance.doubleValue(), annualRate.doubleValue(), months, paid));
    }

    public static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
