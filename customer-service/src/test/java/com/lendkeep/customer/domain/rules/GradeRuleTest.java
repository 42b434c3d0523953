package com.lendkeep.customer.domain.rules;

import static com.lendkeep.customer.domain.rules.ConfiguredRules.AS_OF;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.CENT;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.CONFIG;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.active;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.closed;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.CollateralType;
import com.lendkeep.customer.domain.Grade;
import com.lendkeep.customer.domain.VolatilityClass;

/** Score bands, collateral coverage and industry volatility at and around their configured thresholds. */
class GradeRuleTest {

    private final GradeRule rule = new GradeRule(CONFIG.grade(), CONFIG.industry());
    private final int aMin = CONFIG.grade().aMinScore();
    private final int bMin = CONFIG.grade().bMinScore();

    @Test
    void scoreBands() {
        assertEquals(Grade.A, rule.evaluate(facts().score(aMin).build()).value());
        assertEquals(Grade.B, rule.evaluate(facts().score(aMin - 1).build()).value());
        assertEquals(Grade.B, rule.evaluate(facts().score(bMin).build()).value());
        assertEquals(Grade.C, rule.evaluate(facts().score(bMin - 1).build()).value());
        GradeAssessment a = rule.evaluate(facts().score(aMin).build());
        assertEquals("A: score 720 >= 720 gives A", a.rule());
        assertTrue(a.reasons().contains("no outstanding exposure: collateral coverage does not apply"), a.reasons().toString());
        assertTrue(a.reasons().contains("industry HEALTHCARE is STABLE"), a.reasons().toString());
        assertEquals(720, a.inputs().creditScore());
        assertEquals("EXPERIAN", a.inputs().bureau());
    }

    @Test
    void noScoreOnFileIsC() {
        GradeAssessment none = rule.evaluate(facts().build());
        assertEquals(Grade.C, none.value());
        assertEquals("C: no credit score on file gives C", none.rule());
        assertNull(none.inputs().creditScore());
    }

    @Test
    void collateralCoverageAtTheThresholdKeepsTheGradeAndJustBelowTakesOneOff() {
        BigDecimal exposure = new BigDecimal("100000");
        BigDecimal atThreshold = exposure.multiply(CONFIG.grade().minCoverage()); // cash: no haircut
        GradeAssessment at = rule.evaluate(facts().score(aMin).loan(active("100000"))
                .collateral(CollateralType.CASH_DEPOSIT, atThreshold.toPlainString()).build());
        assertEquals(Grade.A, at.value(), at.reasons().toString());
        assertEquals(new BigDecimal("0.5000"), at.inputs().collateralCoverage());
        GradeAssessment below = rule.evaluate(facts().score(aMin).loan(active("100000"))
                .collateral(CollateralType.CASH_DEPOSIT, atThreshold.subtract(CENT).toPlainString()).build());
        assertEquals(Grade.B, below.value(), below.reasons().toString());
        assertEquals("B: score 720 >= 720 gives A; collateral covers 49.99% of exposure 100,000 < 50%: one grade down", below.rule());
    }

    @Test
    void haircutOfTheCollateralTypeApplies() {
        BigDecimal haircut = CONFIG.grade().collateralHaircut().get("REAL_ESTATE");
        // appraised value whose value after haircut is exactly the minimum coverage of 70,000
        BigDecimal appraised = new BigDecimal("70000").multiply(CONFIG.grade().minCoverage())
                .divide(BigDecimal.ONE.subtract(haircut), MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.UP);
        GradeAssessment at = rule.evaluate(facts().score(bMin).loan(active("70000"))
                .collateral(CollateralType.REAL_ESTATE, appraised.toPlainString()).build());
        assertEquals(Grade.B, at.value(), at.reasons().toString());
        assertEquals(haircut, at.inputs().collateralHaircut());
        GradeAssessment below = rule.evaluate(facts().score(bMin).loan(active("70000"))
                .collateral(CollateralType.REAL_ESTATE, appraised.subtract(CENT).toPlainString()).build());
        assertEquals(Grade.C, below.value(), below.reasons().toString());
        assertTrue(below.rule().contains("after a 30% haircut"), below.rule());
    }

    @Test
    void unsecuredExposureTakesOneGradeOff() {
        GradeAssessment unsecured = rule.evaluate(facts().score(800).loan(active("20000")).build());
        assertEquals(Grade.B, unsecured.value());
        assertEquals(new BigDecimal("0.0000"), unsecured.inputs().collateralCoverage());
    }

    @Test
    void volatileIndustryTakesOneGradeOff() {
        assertEquals(VolatilityClass.VOLATILE, CONFIG.industry().volatility().get("ENERGY"));
        GradeAssessment energy = rule.evaluate(facts().score(aMin).industry("ENERGY").build());
        assertEquals(Grade.B, energy.value());
        assertEquals("B: score 720 >= 720 gives A; industry ENERGY is VOLATILE: one grade down", energy.rule());
        assertEquals(VolatilityClass.VOLATILE, energy.inputs().industryVolatility());
        assertEquals(Grade.A, rule.evaluate(facts().score(aMin).industry("RETAIL").build()).value(), "MODERATE is not downgraded");
    }

    @Test
    void unknownOrMissingIndustryHasTheDefaultClass() {
        GradeAssessment unknown = rule.evaluate(facts().score(aMin).industry("SPACE_TOURISM").build());
        assertEquals(CONFIG.industry().defaultVolatility(), unknown.inputs().industryVolatility());
        assertEquals(Grade.A, unknown.value());
        GradeAssessment none = rule.evaluate(facts().score(aMin).industry(null).build());
        assertEquals(CONFIG.industry().defaultVolatility(), none.inputs().industryVolatility());
        assertTrue(none.reasons().contains("no industry is MODERATE"), none.reasons().toString());
    }

    @Test
    void bothDowngradesStackAndCIsTheFloor() {
        GradeAssessment both = rule.evaluate(facts().score(aMin).industry("REAL_ESTATE").loan(active("50000")).build());
        assertEquals(Grade.C, both.value(), both.reasons().toString());
        GradeAssessment floor = rule.evaluate(facts().score(bMin - 1).industry("REAL_ESTATE").loan(active("50000")).build());
        assertEquals(Grade.C, floor.value());
        assertEquals("C: score 619 < 620 gives C; collateral covers 0% of exposure 50,000 < 50%: one grade down; "
                + "industry REAL_ESTATE is VOLATILE: one grade down", floor.rule());
    }

    /** Reproduction (issue 17): the grade ignored the customer's own arrears and charge-offs. */
    @Test
    void theCustomersOwnArrearsAndChargeOffsLowerTheGrade() {
        CustomerConfig.Grade g = CONFIG.grade();
        BigDecimal amount = new BigDecimal("10000");
        java.util.function.IntFunction<GradeAssessment> withArrears = dpd -> rule.evaluate(facts().score(g.aMinScore())
                .collateral(CollateralType.CASH_DEPOSIT, "100000")
                .loan(new LoanFacts(amount, amount, BigDecimal.ZERO, null, AS_OF.minusYears(1), null, null, "ACTIVE", dpd)).build());
        assertEquals(Grade.A, withArrears.apply(g.arrearsDaysPastDue() - 1).value());
        GradeAssessment late = withArrears.apply(g.arrearsDaysPastDue());
        assertEquals(Grade.B, late.value(), late.reasons().toString());
        assertTrue(late.rule().contains("arrears of " + g.arrearsDaysPastDue() + " days past due >= " + g.arrearsDaysPastDue()
                + ": one grade down"), late.rule());
        assertEquals(g.arrearsDaysPastDue(), late.inputs().maxDaysPastDue());
        assertEquals(Grade.B, withArrears.apply(g.severeArrearsDaysPastDue() - 1).value());
        assertEquals(Grade.C, withArrears.apply(g.severeArrearsDaysPastDue()).value());

        LocalDate within = AS_OF.minusYears(g.chargeOffLookbackYears()).plusDays(1);
        GradeAssessment chargedOff = rule.evaluate(facts().score(g.aMinScore()).loan(closed("600000", "0", "CHARGED_OFF", within)).build());
        assertEquals(Grade.C, chargedOff.value());
        assertTrue(chargedOff.rule().contains("a loan was charged off on " + within), chargedOff.rule());
        LocalDate longAgo = AS_OF.minusYears(g.chargeOffLookbackYears());
        assertEquals(Grade.A, rule.evaluate(facts().score(g.aMinScore()).loan(closed("600000", "0", "CHARGED_OFF", longAgo)).build()).value());
    }
}
