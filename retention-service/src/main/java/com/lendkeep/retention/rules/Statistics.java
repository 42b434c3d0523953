package com.lendkeep.retention.rules;

/**
 * The statistics of the uplift report (docs/retention.md, "Uplift"): Wilson score intervals for one
 * proportion, Newcombe's hybrid score interval for a difference of two proportions (method 10 of
 * Newcombe 1998, Statistics in Medicine 17:873-890), the two-proportion z-test (pooled standard error,
 * two-sided) and the customers per group needed to detect a given difference.
 */
public final class Statistics {
    private Statistics() {
    }

    /** z for a two-sided 95 % interval and for 80 % power. */
    public static final double Z_95 = 1.959963984540054;
    public static final double Z_POWER_80 = 0.8416212335729143;

    public record Interval(double lower, double upper) {
        public boolean covers(double value) {
            return lower <= value && value <= upper;
        }
    }

    /** Wilson's score interval for x successes of n (n > 0). */
    public static Interval wilson(int x, int n, double z) {
        double p = (double) x / n;
        double z2 = z * z;
        double centre = (x + z2 / 2) / (n + z2);
        double half = z * Math.sqrt(n * p * (1 - p) + z2 / 4) / (n + z2);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Newcombe's hybrid score interval for p1 - p2, from the Wilson intervals of each proportion. */
    public static Interval newcombe(int x1, int n1, int x2, int n2, double z) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = wilson(x1, n1, z);
        Interval w2 = wilson(x2, n2, z);
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
        double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower()));
        return new Interval(lower, upper);
    }

    /** Two-sided p-value of the two-proportion z-test with the pooled standard error; 1 when there is no variance. */
    public static double twoProportionPValue(int x1, int n1, int x2, int n2) {
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 1;
        }
        double z = ((double) x1 / n1 - (double) x2 / n2) / se;
        return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
    }

    /**
     * Customers per group for a two-sided test at 5 % with 80 % power to detect {@code difference}
     * from a base rate {@code base} (Fleiss' formula without continuity correction).
     */
    public static int perGroupToDetect(double base, double difference) {
        double p2 = Math.max(0, Math.min(1, base));
        double p1 = p2 + difference < 1 ? p2 + difference : p2 - difference;
        double mean = (p1 + p2) / 2;
        double a = Z_95 * Math.sqrt(2 * mean * (1 - mean)) + Z_POWER_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (int) Math.ceil(a * a / (difference * difference));
    }

    /** The standard normal distribution function, from erfc (Numerical Recipes' Chebyshev fit, |error| < 1.2e-7). */
    public static double normalCdf(double x) {
        return 1 - 0.5 * erfc(x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static double sq(double v) {
        return v * v;
    }
}
