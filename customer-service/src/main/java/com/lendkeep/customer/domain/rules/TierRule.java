package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.Tier;

/**
 * GOLD when any gold threshold is met, else SILVER when any silver threshold is met, else STANDARD.
 * Criteria count what the customer really contributes: performing exposure (active loans under
 * {@code non-performing-days-past-due}), borrowing repaid or still performing, interest actually paid,
 * lifetime value (that interest plus what the performing loans are expected to pay), performing
 * products. A charged-off or non-performing loan never raises a tier; the reasons say which were left out.
 */
public final class TierRule {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final CustomerConfig.Tier config;

    public TierRule(CustomerConfig.Tier config) {
        this.config = config;
    }

    public TierAssessment evaluate(CustomerFacts facts) {
        int np = config.nonPerformingDaysPastDue();
        TierAssessment.Inputs inputs = new TierAssessment.Inputs(Amounts.money(facts.performingExposure(np)),
                Amounts.money(facts.goodBorrowing(np)), Amounts.money(facts.interestIncome()), lifetimeValue(facts),
                facts.performingLoans(np));
        List<Criterion> gold = criteria(inputs, config.gold());
        List<Criterion> silver = criteria(inputs, config.silver());
        List<String> reasons = new ArrayList<>();
        List<String> notCounted = notCounted(facts, np);
        if (gold.stream().anyMatch(Criterion::met)) {
            gold.stream().filter(Criterion::met).forEach(c -> reasons.add("GOLD: " + c));
            reasons.addAll(notCounted);
            return new TierAssessment(Tier.GOLD, reasons.get(0), reasons, inputs);
        }
        reasons.add("not GOLD: " + join(gold));
        if (silver.stream().anyMatch(Criterion::met)) {
            List<String> met = silver.stream().filter(Criterion::met).map(c -> "SILVER: " + c).toList();
            reasons.addAll(0, met);
            reasons.addAll(notCounted);
            return new TierAssessment(Tier.SILVER, met.get(0), reasons, inputs);
        }
        String rule = "STANDARD: no SILVER threshold met (" + join(silver) + ")";
        reasons.add(0, rule);
        reasons.addAll(notCounted);
        return new TierAssessment(Tier.STANDARD, rule, reasons, inputs);
    }

    /** The loans left out of exposure, borrowing, products and expected interest, and why. */
    private static List<String> notCounted(CustomerFacts facts, int nonPerformingDays) {
        List<String> out = new ArrayList<>();
        for (LoanFacts loan : facts.loans()) {
            String borrowed = loan.principal() == null ? "" : " (" + Amounts.format(loan.principal()) + " borrowed)";
            if (loan.chargedOff()) {
                out.add("not counted: a loan" + borrowed + " charged off" + (loan.closedOn() == null ? "" : " on " + loan.closedOn())
                        + ": defaulted borrowing never raises a tier");
            } else if (loan.active() && !loan.performing(nonPerformingDays)) {
                out.add("not counted: a loan" + borrowed + " " + loan.daysPastDue() + " days past due (non-performing from "
                        + nonPerformingDays + "): its exposure earns nothing");
            }
        }
        return out;
    }

    /**
     * Interest earned so far plus the interest the performing loans are still expected to pay: for each,
     * outstanding x annual rate x remaining years x amortization factor. Loans without a known rate
     * or maturity add nothing (no new business is assumed: a floor, not a forecast).
     */
    BigDecimal lifetimeValue(CustomerFacts facts) {
        BigDecimal expected = BigDecimal.ZERO;
        for (LoanFacts loan : facts.loans()) {
            if (!loan.performing(config.nonPerformingDaysPastDue()) || loan.annualRate() == null || loan.maturityDate() == null) {
                continue;
            }
            long months = Math.max(0, ChronoUnit.MONTHS.between(facts.asOf(), loan.maturityDate()));
            expected = expected.add(loan.exposure().multiply(loan.annualRate())
                    .multiply(BigDecimal.valueOf(months)).divide(TWELVE, MathContext.DECIMAL64)
                    .multiply(config.amortizationFactor()));
        }
        return Amounts.money(facts.interestIncome().add(expected));
    }

    private static List<Criterion> criteria(TierAssessment.Inputs in, CustomerConfig.Thresholds t) {
        return List.of(
                new Criterion("exposure", in.exposure(), t.exposure()),
                new Criterion("total borrowed", in.totalBorrowed(), t.totalBorrowed()),
                new Criterion("interest income", in.interestIncome(), t.interestIncome()),
                new Criterion("lifetime value", in.lifetimeValue(), t.lifetimeValue()),
                new Criterion("products", BigDecimal.valueOf(in.products()), BigDecimal.valueOf(t.products())));
    }

    private static String join(List<Criterion> criteria) {
        return criteria.stream().map(Criterion::toString).collect(Collectors.joining(", "));
    }

    private record Criterion(String name, BigDecimal value, BigDecimal threshold) {
        boolean met() {
            return value.compareTo(threshold) >= 0;
        }

        @Override
        public String toString() {
            return name + " " + Amounts.format(value) + (met() ? " >= " : " < ") + Amounts.format(threshold);
        }
    }
}
