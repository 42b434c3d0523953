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
     * What the value of keeping the customer rests on. Voluntary churn loses the interest the loan
     * would still earn; involuntary churn (default) loses the credit loss, PD x LGD x exposure, of
     * which the alert's score is the PD.
     *
     * @param churnType       VOLUNTARY or INVOLUNTARY (the alert's)
     * @param probability     the alert's churn probability (risk-service's score), 0..1
     * @param exposure        the loan's exposure when an event reported its outstanding balance; null: the estimated balance
     * @param lossGivenDefault share of the exposure lost in default (retention.value.loss-given-default)
     */
    public record Context(String churnType, BigDecimal probability, BigDecimal exposure, BigDecimal lossGivenDefault) {
        boolean involuntary() {
            return "INVOLUNTARY".equalsIgnoreCase(churnType);
        }
    }

    /**
     * @param cost               interest and fees forgone plus the fixed cost
     * @param interestIncomeKept interest the bank still earns if the customer stays, after the intervention
     * @param valueAtRisk        what keeping the customer is worth: interest income kept (voluntary) or LGD x exposure (involuntary)
     * @param valueBasis         how valueAtRisk was found, in words
     * @param expectedValue      probability x churnReduction x valueAtRisk - cost
     */
    public record Estimate(BigDecimal cost, BigDecimal fixedCost, BigDecimal interestIncomeKept, BigDecimal valueAtRisk, String valueBasis,
            BigDecimal probability, BigDecimal churnReduction, BigDecimal expectedValue) {
    }

    /**
     * Turns a rule's action into concrete terms for this loan; rate reductions need the loan's rate. A
     * fee waiver waives at most the unpaid fees (loan-service cannot waive more).
     */
    public static Terms terms(PlaybookRule.Action a, LoanTerms.Position position, BigDecimal feesOutstanding) {
        return switch (a.kind()) {
            case PAYMENT_EXTENSION -> new Terms(a.extensionMonths(), null, null, null, null);
            case PAYMENT_HOLIDAY -> new Terms(null, a.holidayMonths(), null, null, null);
            case LOYALTY_RATE, COMPETITOR_RATE_MATCH -> new Terms(null, null, rate(a, position), null, null);
            case RESTRUCTURING -> new Terms(null, null, rate(a, position), term(a, position), null);
            case FEE_WAIVER -> new Terms(null, null, null, null, feesOutstanding == null || a.feeWaived() == null ? a.feeWaived()
                    : a.feeWaived().min(feesOutstanding));
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

    /** @param position null when the alert names no loan or its terms are unknown: no interest is at stake */
    public static Estimate estimate(InterventionKind kind, Terms terms, LoanTerms.Position position, BigDecimal fixedCost,
            Context context, BigDecimal churnReduction) {
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
        double probability = Math.max(0, Math.min(1, context.probability() == null ? 0 : context.probability().doubleValue()));
        double reduction = churnReduction == null ? 0 : churnReduction.doubleValue();
        double keptNonNegative = Math.max(0, kept);
        double valueAtRisk;
        String basis;
        if (context.involuntary()) {
            double exposure = context.exposure() != null ? context.exposure().doubleValue() : balance;
            double lgd = context.lossGivenDefault() == null ? 0 : context.lossGivenDefault().doubleValue();
            valueAtRisk = lgd * exposure;
            basis = "credit loss avoided: LGD " + plain(lgd) + " x exposure " + LoanMath.cents(exposure).toPlainString()
                    + (context.exposure() != null ? " (outstanding reported by loan events)" : position == null ? " (unknown)" : " (estimated balance)");
        } else {
            valueAtRisk = keptNonNegative;
            basis = "interest income kept: " + LoanMath.cents(keptNonNegative).toPlainString() + " over " + months + " installments";
        }
        // from the rounded figures the decision log shows, so that anyone can redo the sum to the cent
        BigDecimal cost = LoanMath.cents(forgone + fee + fixed);
        BigDecimal value = LoanMath.cents(valueAtRisk);
        BigDecimal expected = BigDecimal.valueOf(probability).multiply(BigDecimal.valueOf(reduction)).multiply(value).subtract(cost)
                .setScale(2, java.math.RoundingMode.HALF_UP);
        return new Estimate(cost, LoanMath.cents(fixed), LoanMath.cents(keptNonNegative), value, basis, BigDecimal.valueOf(probability),
                churnReduction, expected);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }
}
