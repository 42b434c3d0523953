package com.lendkeep.customer.domain.rules;

import static com.lendkeep.customer.domain.rules.ConfiguredRules.AS_OF;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.CENT;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.CONFIG;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.active;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.closed;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.Tier;

/** Each tier criterion at its configured threshold and one cent (or one product) below. */
class TierRuleTest {

    private final TierRule rule = new TierRule(CONFIG.tier());
    private final CustomerConfig.Thresholds silver = CONFIG.tier().silver();
    private final CustomerConfig.Thresholds gold = CONFIG.tier().gold();

    private TierAssessment exposure(BigDecimal outstanding) {
        return rule.evaluate(facts().loan(active(outstanding.toPlainString())).build());
    }

    @Test
    void exposureAtAndAroundTheSilverThreshold() {
        assertEquals(Tier.STANDARD, exposure(silver.exposure().subtract(CENT)).value());
        TierAssessment at = exposure(silver.exposure());
        assertEquals(Tier.SILVER, at.value());
        assertEquals("SILVER: exposure 250,000 >= 250,000", at.rule());
        assertEquals(Tier.SILVER, exposure(silver.exposure().add(CENT)).value());
    }

    @Test
    void exposureAtAndAroundTheGoldThreshold() {
        TierAssessment below = exposure(gold.exposure().subtract(CENT));
        assertEquals(Tier.SILVER, below.value());
        assertTrue(below.reasons().contains("not GOLD: exposure 1,999,999.99 < 2,000,000, total borrowed 1,999,999.99 < 5,000,000, "
                + "interest income 0 < 150,000, lifetime value 0 < 300,000, products 1 < 4"), below.reasons().toString());
        TierAssessment at = exposure(gold.exposure());
        assertEquals(Tier.GOLD, at.value());
        assertEquals("GOLD: exposure 2,000,000 >= 2,000,000", at.rule());
        assertEquals(new BigDecimal("2000000.00"), at.inputs().exposure());
    }

    @Test
    void totalBorrowedCountsClosedLoans() {
        for (var t : new Object[][] { { silver, Tier.STANDARD, Tier.SILVER }, { gold, Tier.SILVER, Tier.GOLD } }) {
            BigDecimal threshold = ((CustomerConfig.Thresholds) t[0]).totalBorrowed();
            TierAssessment below = rule.evaluate(facts().loan(closed(threshold.subtract(CENT).toPlainString(), "0", "REPAID",
                    AS_OF.minusYears(1))).build());
            TierAssessment at = rule.evaluate(facts().loan(closed(threshold.toPlainString(), "0", "REPAID", AS_OF.minusYears(1))).build());
            assertEquals(t[1], below.value(), below.rule());
            assertEquals(t[2], at.value(), at.rule());
            assertTrue(at.rule().contains("total borrowed"), at.rule());
        }
    }

    @Test
    void interestIncomeToDate() {
        for (var t : new Object[][] { { silver, Tier.STANDARD, Tier.SILVER }, { gold, Tier.SILVER, Tier.GOLD } }) {
            BigDecimal threshold = ((CustomerConfig.Thresholds) t[0]).interestIncome();
            TierAssessment below = rule.evaluate(facts().loan(closed("1000", threshold.subtract(CENT).toPlainString(), "REPAID",
                    AS_OF.minusYears(1))).build());
            TierAssessment at = rule.evaluate(facts().loan(closed("1000", threshold.toPlainString(), "REPAID", AS_OF.minusYears(1))).build());
            // gold's interest threshold is above silver's: below gold is still silver by interest
            assertEquals(t[1], below.value(), below.rule());
            assertEquals(t[2], at.value(), at.rule());
            assertTrue(at.rule().contains("interest income"), at.rule());
        }
    }

    /** outstanding x rate x remaining years x factor, plus interest to date. */
    @Test
    void lifetimeValueAtAndAroundItsThresholds() {
        BigDecimal rate = new BigDecimal("0.10");
        int months = 48;
        BigDecimal perUnit = rate.multiply(BigDecimal.valueOf(months)).divide(BigDecimal.valueOf(12), MathContext.DECIMAL64)
                .multiply(CONFIG.tier().amortizationFactor());
        for (var t : new Object[][] { { silver, Tier.STANDARD, Tier.SILVER }, { gold, Tier.SILVER, Tier.GOLD } }) {
            CustomerConfig.Thresholds thresholds = (CustomerConfig.Thresholds) t[0];
            BigDecimal outstanding = thresholds.lifetimeValue().divide(perUnit, MathContext.DECIMAL64);
            assertTrue(outstanding.compareTo(thresholds.exposure()) < 0, "the test needs a lifetime value reached below the exposure threshold");
            TierAssessment at = rule.evaluate(facts().loan(loan(outstanding, rate, months)).build());
            TierAssessment below = rule.evaluate(facts().loan(loan(outstanding.subtract(BigDecimal.ONE), rate, months)).build());
            assertEquals(t[2], at.value(), at.reasons().toString());
            assertEquals(thresholds.lifetimeValue().setScale(2), at.inputs().lifetimeValue());
            assertTrue(at.rule().contains("lifetime value"), at.rule());
            assertEquals(t[1], below.value(), below.reasons().toString());
        }
    }

    @Test
    void lifetimeValueAddsInterestToDateAndIgnoresLoansWithoutRateOrMaturity() {
        CustomerFacts f = facts().loan(closed("5000", "700.50", "PREPAID", AS_OF.minusMonths(2)))
                .loan(loan(new BigDecimal("12000"), new BigDecimal("0.06"), 24))
                .loan(active("3000")).build();
        // 700.50 + 12,000 x 0.06 x 2 years x 0.5 = 700.50 + 720
        assertEquals(new BigDecimal("1420.50"), rule.lifetimeValue(f));
    }

    @Test
    void productsHeld() {
        assertEquals(Tier.STANDARD, products(silver.products() - 1).value());
        TierAssessment atSilver = products(silver.products());
        assertEquals(Tier.SILVER, atSilver.value());
        assertEquals("SILVER: products 2 >= 2", atSilver.rule());
        assertEquals(Tier.SILVER, products(gold.products() - 1).value());
        assertEquals(Tier.GOLD, products(gold.products()).value());
    }

    @Test
    void standardSaysWhichSilverThresholdsWereMissed() {
        TierAssessment none = rule.evaluate(facts().build());
        assertEquals(Tier.STANDARD, none.value());
        assertEquals("STANDARD: no SILVER threshold met (exposure 0 < 250,000, total borrowed 0 < 500,000, interest income 0 < 20,000, "
                + "lifetime value 0 < 40,000, products 0 < 2)", none.rule());
    }

    private TierAssessment products(int count) {
        var f = facts();
        for (int i = 0; i < count; i++) {
            f.loan(active("100"));
        }
        return rule.evaluate(f.build());
    }

    private static LoanFacts loan(BigDecimal outstanding, BigDecimal rate, int months) {
        return new LoanFacts(outstanding, outstanding, BigDecimal.ZERO, rate, AS_OF, AS_OF.plusMonths(months), null, "ACTIVE");
    }

    /** Reproduction (issue 17): a customer whose only loan (600,000) was charged off was SILVER on "total borrowed". */
    @Test
    void chargedOffAndNonPerformingLoansNeverRaiseATier() {
        LoanFacts chargedOff = closed("600000", "0", "CHARGED_OFF", AS_OF.minusMonths(2));
        TierAssessment t = rule.evaluate(facts().loan(chargedOff).build());
        assertEquals(Tier.STANDARD, t.value(), t.reasons().toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(t.inputs().totalBorrowed()));
        assertTrue(t.reasons().contains("not counted: a loan (600,000 borrowed) charged off on " + AS_OF.minusMonths(2)
                + ": defaulted borrowing never raises a tier"), t.reasons().toString());

        // 300,000 outstanding would be SILVER while it performs; from 90 days past due it is no contribution
        int np = CONFIG.tier().nonPerformingDaysPastDue();
        BigDecimal amount = new BigDecimal("300000");
        LoanFacts performing = new LoanFacts(amount, amount, BigDecimal.ZERO, null, AS_OF.minusYears(1), null, null, "ACTIVE", np - 1);
        LoanFacts defaulted = new LoanFacts(amount, amount, BigDecimal.ZERO, null, AS_OF.minusYears(1), null, null, "ACTIVE", np);
        assertEquals(Tier.SILVER, rule.evaluate(facts().loan(performing).build()).value());
        TierAssessment d = rule.evaluate(facts().loan(defaulted).build());
        assertEquals(Tier.STANDARD, d.value(), d.reasons().toString());
        assertTrue(d.reasons().contains("not counted: a loan (300,000 borrowed) " + np + " days past due (non-performing from "
                + np + "): its exposure earns nothing"), d.reasons().toString());

        // interest actually paid still counts, whatever became of the loan
        TierAssessment paid = rule.evaluate(facts().loan(closed("600000", "25000", "CHARGED_OFF", AS_OF.minusMonths(2))).build());
        assertEquals(Tier.SILVER, paid.value());
        assertEquals("SILVER: interest income 25,000 >= 20,000", paid.rule());
    }
}
