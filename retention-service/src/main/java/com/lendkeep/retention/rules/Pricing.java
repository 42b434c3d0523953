package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.lendkeep.retention.domain.InterventionKind;

/**
 * Terms and money of a candidate (formulas in docs/retention.md, "Cost and value"). B is the
 * estimated balance at the alert date, r the loan's annual rate, n the installments left, and
 * RI(B, r, n) = n x installment(B, r, n) - B the interest still to be earned.
 */
public final class Pricing {
    private Pricing() {
    }

    /**
     * @param cost               interest and fees forgone plus the fixed cost
     * @param interestIncomeKept interest the bank still earns if the customer stays, after the intervention
     * @param expectedValue      interestIncomeKept x alert score x churnReduction
     */
    public record Estimate(BigDecimal cost, BigDecimal interestIncomeKept, BigDecimal expectedValue) {
    }

    /** Turns a rule's action into concrete terms for this loan; rate reductions need the loan's rate. */
    public static Terms terms(PlaybookRule.Action a, LoanTerms.Position position) {
        return switch (a.kind()) {
            case PAYMENT_EXTENSION -> new Terms(a.extensionMonths(), null, null, null, null);
            case PAYMENT_HOLIDAY -> new Terms(null, a.holidayMonths(), null, null, null);
            case LOYALTY_RATE, COMPETITOR_RATE_MATCH -> new Terms(null, null, rate(a, position), null, null);
            case RESTRUCTURING -> new Terms(null, null, rate(a, position), term(a, position), null);
            case FEE_WAIVER -> new Terms(null, null, null, null, a.feeWaived());
            case RELATIONSHIP_MANAGER_CALL, FINANCIAL_COUNSELLING -> Terms.NONE;
        };
    }

    private static BigDecimal rate(PlaybookRule.Action a, LoanTerms.Position position) {
        if (a.newAnnualRate() != null) {
            return a.newAnnualRate();
        }
        if (a.rateReduction() == null || position == null) {
            return null;
        }
        BigDecimal reduced = position.annualRate().subtract(a.rateReduction());
        if (a.minAnnualRate() != null && reduced.compareTo(a.minAnnualRate()) < 0) {
            reduced = a.minAnnualRate();
        }
        return reduced.max(BigDecimal.ZERO).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static Integer term(PlaybookRule.Action a, LoanTerms.Position position) {
        if (a.newTermMonths() != null) {
            return a.newTermMonths();
        }
        if (a.termExtensionMonths() == null || position == null) {
            return null;
        }
        return position.remainingMonths() + a.termExtensionMonths();
    }

    /**
     * @param position null when the alert names no loan (tasks only): no interest is at stake
     * @param score    the alert's churn probability, 0..1
     */
    public static Estimate estimate(InterventionKind kind, Terms terms, LoanTerms.Position position, BigDecimal fixedCost,
            BigDecimal score, BigDecimal churnReduction) {
        double balance = position == null ? 0 : position.balance().doubleValue();
        double rate = position == null ? 0 : position.annualRate().doubleValue();
        int months = position == null ? 0 : position.remainingMonths();
        double incomeNow = LoanMath.remainingInterest(balance, rate, months);
        double forgone = 0;
        double fee = 0;
        double kept = incomeNow;
        switch (kind) {
            case PAYMENT_EXTENSION -> {
                // loan-service defers without interest: the bank waits for its money for free
                forgone = balance * rate * nz(terms.extensionMonths()) / 12;
                kept = incomeNow - forgone;
            }
            case PAYMENT_HOLIDAY -> {
                // loan-service spreads the holiday's interest over the later installments: nothing is waived
            }
            case LOYALTY_RATE, COMPETITOR_RATE_MATCH, RESTRUCTURING -> {
                double newRate = terms.newAnnualRate() == null ? rate : terms.newAnnualRate().doubleValue();
                int newMonths = terms.newTermMonths() == null ? months : terms.newTermMonths();
                kept = LoanMath.remainingInterest(balance, newRate, newMonths);
                // a longer term earns more interest, but that is no negative cost: it is more risk
                forgone = Math.max(0, incomeNow - kept);
            }
            case FEE_WAIVER -> fee = terms.feeWaived() == null ? 0 : terms.feeWaived().doubleValue();
            case RELATIONSHIP_MANAGER_CALL, FINANCIAL_COUNSELLING -> {
                // staff time only: the fixed cost
            }
        }
        double fixed = fixedCost == null ? 0 : fixedCost.doubleValue();
        double probability = Math.max(0, Math.min(1, score == null ? 0 : score.doubleValue()));
        double reduction = churnReduction == null ? 0 : churnReduction.doubleValue();
        double keptNonNegative = Math.max(0, kept);
        return new Estimate(LoanMath.cents(forgone + fee + fixed), LoanMath.cents(keptNonNegative),
                LoanMath.cents(keptNonNegative * probability * reduction));
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }
}
