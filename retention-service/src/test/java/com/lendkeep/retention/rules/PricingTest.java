package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.InterventionKind;

/** The cost and value formulas (docs/retention.md, "Cost and value"). */
class PricingTest {

    static final LoanTerms.Position POSITION = new LoanTerms.Position(new BigDecimal("10065.85"), new BigDecimal("0.08"), 10);
    static final BigDecimal REDUCTION = new BigDecimal("0.2");
    static final BigDecimal LGD = new BigDecimal("0.45");
    static final Pricing.Context VOLUNTARY = new Pricing.Context("VOLUNTARY", new BigDecimal("0.5"), null, LGD);

    @Test
    void aPaymentHolidayWaivesNoInterestOnlyItsFixedCostCounts() {
        Pricing.Estimate e = Pricing.estimate(InterventionKind.PAYMENT_HOLIDAY, new Terms(null, 2, null, null, null), POSITION,
                new BigDecimal("40"), VOLUNTARY, REDUCTION);
        assertEquals(new BigDecimal("40.00"), e.cost());
        // kept = RI = 372.76; value = 0.5 x 0.2 x 372.76 - 40.00 = -2.724 -> -2.72: costs more than it is expected to keep
        assertEquals(new BigDecimal("372.76"), e.interestIncomeKept());
        assertEquals(new BigDecimal("-2.72"), e.expectedValue());
    }

    @Test
    void aFeeWaiverCostsTheFeePlusTheFixedCostAndWaivesNoMoreThanTheUnpaidFees() {
        assertEquals(new BigDecimal("80.00"), Pricing.estimate(InterventionKind.FEE_WAIVER, new Terms(null, null, null, null, new BigDecimal("75")),
                POSITION, new BigDecimal("5"), VOLUNTARY, REDUCTION).cost());
        PlaybookRule.Action waive75 = new PlaybookRule.Action(InterventionKind.FEE_WAIVER, null, null, null, null, null, null, null,
                new BigDecimal("75"), null, REDUCTION);
        assertEquals(new BigDecimal("20.00"), Pricing.terms(waive75, POSITION, new BigDecimal("20.00")).feeWaived());
        assertEquals(new BigDecimal("75"), Pricing.terms(waive75, POSITION, new BigDecimal("90.00")).feeWaived());
    }

    @Test
    void aTaskWithoutALoanHasACostButNoValueAtStake() {
        Pricing.Estimate e = Pricing.estimate(InterventionKind.FINANCIAL_COUNSELLING, Terms.NONE, null, new BigDecimal("120"), VOLUNTARY, REDUCTION);
        assertEquals(new BigDecimal("120.00"), e.cost());
        assertEquals(new BigDecimal("-120.00"), e.expectedValue());
    }

    @Test
    void aRestructuringThatOnlyLowersTheRateCostsTheInterestForgone() {
        // RI(B, 8 %, 10) - RI(B, 6 %, 10) = 372.76 - 278.88 = 93.88, plus 150.00 handling
        Pricing.Estimate e = Pricing.estimate(InterventionKind.RESTRUCTURING, new Terms(null, null, new BigDecimal("0.06"), null, null), POSITION,
                new BigDecimal("150"), VOLUNTARY, REDUCTION);
        assertEquals(new BigDecimal("243.88"), e.cost());
        assertEquals(new BigDecimal("278.88"), e.interestIncomeKept());
    }

    @Test
    void aPaymentExtensionInArrearsIsValuedByTheCreditLossItAvoids() {
        // the reproduction: a payment extension on a 25,000 loan at 66 days past due was valued on interest alone.
        // 25,000.00 at 10 %, 24 installments left, PD (score) 0.7, churnReduction 0.35, exposure reported 25,000.00:
        // cost = 25,000 x 0.10 x 3 / 12 = 625.00; value = LGD 0.45 x 25,000 = 11,250.00;
        // expected value = 0.7 x 0.35 x 11,250 - 625 = 2,756.25 - 625 = 2,131.25
        Pricing.Estimate e = Pricing.estimate(InterventionKind.PAYMENT_EXTENSION, new Terms(3, null, null, null, null),
                new LoanTerms.Position(new BigDecimal("25000.00"), new BigDecimal("0.10"), 24), null,
                new Pricing.Context("INVOLUNTARY", new BigDecimal("0.7"), new BigDecimal("25000.00"), LGD), new BigDecimal("0.35"));
        assertEquals(new BigDecimal("625.00"), e.cost());
        assertEquals(new BigDecimal("11250.00"), e.valueAtRisk());
        assertEquals(new BigDecimal("2131.25"), e.expectedValue());
    }

    @Test
    void theExpectedValueIsAlwaysProbabilityTimesReductionTimesValueLessTheCost() {
        // property over random loans and offers: EV = p x r x V - cost from the rounded V and cost shown (to the cent), so a cost above p x r x V is never worth it
        Random random = new Random(15);
        for (int n = 0; n < 2_000; n++) {
            LoanTerms.Position position = new LoanTerms.Position(BigDecimal.valueOf(1_000 + random.nextInt(99_000)).setScale(2),
                    BigDecimal.valueOf(0.02 + random.nextDouble() * 0.2).setScale(4, RoundingMode.HALF_UP), 1 + random.nextInt(60));
            InterventionKind kind = InterventionKind.values()[random.nextInt(InterventionKind.values().length)];
            Terms terms = new Terms(1 + random.nextInt(6), 1 + random.nextInt(6),
                    position.annualRate().subtract(new BigDecimal("0.01")).max(BigDecimal.ZERO), position.remainingMonths() + 12,
                    new BigDecimal("50"));
            Pricing.Context context = new Pricing.Context(random.nextBoolean() ? "VOLUNTARY" : "INVOLUNTARY",
                    BigDecimal.valueOf(random.nextDouble()).setScale(4, RoundingMode.HALF_UP), null, LGD);
            BigDecimal reduction = BigDecimal.valueOf(random.nextDouble()).setScale(2, RoundingMode.HALF_UP);
            Pricing.Estimate e = Pricing.estimate(kind, terms, position, new BigDecimal("25"), context, reduction);
            double expected = context.probability().doubleValue() * reduction.doubleValue() * e.valueAtRisk().doubleValue()
                    - e.cost().doubleValue();
            assertEquals(expected, e.expectedValue().doubleValue(), 0.005 + 1e-9 * Math.abs(expected), kind + " " + e);
        }
    }
}
