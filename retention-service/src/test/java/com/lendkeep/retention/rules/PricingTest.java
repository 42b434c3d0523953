package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.InterventionKind;

/** The cost formulas the default playbook does not exercise (docs/retention.md, section 3). */
class PricingTest {

    static final LoanTerms.Position POSITION = new LoanTerms.Position(new BigDecimal("10065.85"), new BigDecimal("0.08"), 10);
    static final BigDecimal SCORE = new BigDecimal("0.5");
    static final BigDecimal REDUCTION = new BigDecimal("0.2");

    @Test
    void aPaymentHolidayWaivesNoInterestOnlyItsFixedCostCounts() {
        Pricing.Estimate e = Pricing.estimate(InterventionKind.PAYMENT_HOLIDAY, new Terms(null, 2, null, null, null), POSITION,
                new BigDecimal("40"), SCORE, REDUCTION);
        assertEquals(new BigDecimal("40.00"), e.cost());
        // kept = RI = 372.76; value = 372.76 x 0.5 x 0.2 = 37.28
        assertEquals(new BigDecimal("372.76"), e.interestIncomeKept());
        assertEquals(new BigDecimal("37.28"), e.expectedValue());
    }

    @Test
    void aFeeWaiverCostsTheFeePlusTheFixedCost() {
        assertEquals(new BigDecimal("80.00"), Pricing.estimate(InterventionKind.FEE_WAIVER, new Terms(null, null, null, null, new BigDecimal("75")),
                POSITION, new BigDecimal("5"), SCORE, REDUCTION).cost());
    }

    @Test
    void aTaskWithoutALoanHasACostButNoInterestAtStake() {
        Pricing.Estimate e = Pricing.estimate(InterventionKind.FINANCIAL_COUNSELLING, Terms.NONE, null, new BigDecimal("120"), SCORE, REDUCTION);
        assertEquals(new BigDecimal("120.00"), e.cost());
        assertEquals(new BigDecimal("0.00"), e.expectedValue());
    }

    @Test
    void aRestructuringThatOnlyLowersTheRateCostsTheInterestForgone() {
        // RI(B, 8 %, 10) - RI(B, 6 %, 10) = 372.76 - 278.88 = 93.88, plus 150.00 handling
        Pricing.Estimate e = Pricing.estimate(InterventionKind.RESTRUCTURING, new Terms(null, null, new BigDecimal("0.06"), null, null), POSITION,
                new BigDecimal("150"), SCORE, REDUCTION);
        assertEquals(new BigDecimal("243.88"), e.cost());
        assertEquals(new BigDecimal("278.88"), e.interestIncomeKept());
    }
}
