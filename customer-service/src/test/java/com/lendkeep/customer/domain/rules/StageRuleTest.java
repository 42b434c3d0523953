package com.lendkeep.customer.domain.rules;

import static com.lendkeep.customer.domain.rules.ConfiguredRules.AS_OF;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.CONFIG;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.closed;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.LifecycleStage;

/** The stage rules in their order, each at and around its configured threshold. */
class StageRuleTest {

    private final StageRule rule = new StageRule(CONFIG.stage());
    private final CustomerConfig.Stage stage = CONFIG.stage();

    private static LoanFacts activeOpenedOn(LocalDate openedOn) {
        return new LoanFacts(new BigDecimal("1000"), new BigDecimal("1000"), BigDecimal.ZERO, null, openedOn, null, null, "ACTIVE");
    }

    private StageAssessment stage(ConfiguredRules.Facts facts) {
        return rule.evaluate(facts.build());
    }

    @Test
    void noLoanYetIsInitialWhateverTheTenure() {
        StageAssessment s = stage(facts().since(AS_OF.minusYears(20)));
        assertEquals(LifecycleStage.INITIAL, s.value());
        assertEquals("INITIAL: no loan yet", s.rule());
    }

    @Test
    void noActiveLoanIsDecline() {
        StageAssessment s = stage(facts().loan(closed("1000", "10", "REPAID", AS_OF.minusMonths(2))));
        assertEquals(LifecycleStage.DECLINE, s.value());
        assertEquals("DECLINE: no active loan, the last closed on " + AS_OF.minusMonths(2), s.rule());
    }

    @Test
    void recentPrepaymentWithoutNewBorrowingIsDeclineUpToTheLookback() {
        LocalDate lookback = AS_OF.minusMonths(stage.prepaidLookbackMonths());
        LocalDate old = AS_OF.minusYears(8);
        StageAssessment at = stage(facts().loan(activeOpenedOn(old)).loan(closed("1000", "0", "PREPAID", lookback)));
        assertEquals(LifecycleStage.DECLINE, at.value(), at.rule());
        StageAssessment older = stage(facts().loan(activeOpenedOn(old)).loan(closed("1000", "0", "PREPAID", lookback.minusDays(1))));
        assertEquals(LifecycleStage.MATURE, older.value(), older.rule());
        // a REPAID loan is not a prepayment
        assertEquals(LifecycleStage.MATURE, stage(facts().loan(activeOpenedOn(old))
                .loan(closed("1000", "0", "REPAID", AS_OF.minusMonths(1)))).value());
    }

    /** Reproduction (issue 17): a loan opened and prepaid on the same day was no DECLINE (strict isBefore against itself). */
    @Test
    void aLoanOpenedAndPrepaidTheSameDayIsDecline() {
        LocalDate day = AS_OF.minusMonths(1);
        LoanFacts sameDay = new LoanFacts(new BigDecimal("50000"), BigDecimal.ZERO, BigDecimal.ZERO, null, day, null, day, "PREPAID");
        StageAssessment s = stage(facts().loan(activeOpenedOn(AS_OF.minusYears(8))).loan(sameDay));
        assertEquals(LifecycleStage.DECLINE, s.value(), s.rule());
        assertEquals("DECLINE: a loan was prepaid on " + day + " (within 12 months) and nothing was borrowed since", s.rule());
        // another loan opened on the prepayment's day is borrowing again (an in-house refinancing)
        StageAssessment refinanced = stage(facts().loan(activeOpenedOn(day)).loan(closed("1000", "0", "PREPAID", day)));
        assertEquals(LifecycleStage.GROWTH, refinanced.value(), refinanced.rule());
    }

    @Test
    void borrowingAgainAfterThePrepaymentIsGrowth() {
        StageAssessment s = stage(facts().loan(closed("1000", "0", "PREPAID", AS_OF.minusMonths(3)))
                .loan(activeOpenedOn(AS_OF.minusMonths(2))));
        assertEquals(LifecycleStage.GROWTH, s.value(), s.rule());
    }

    @Test
    void initialUntilTheConfiguredTenureWithAFirstLoan() {
        LocalDate threshold = AS_OF.minusMonths(stage.initialMonths());
        StageAssessment young = stage(facts().since(threshold.plusDays(1)).loan(activeOpenedOn(AS_OF.minusMonths(1))));
        assertEquals(LifecycleStage.INITIAL, young.value());
        assertEquals("INITIAL: tenure 11 months < 12 with a first loan", young.rule());
        assertEquals(LifecycleStage.GROWTH, stage(facts().since(threshold).loan(activeOpenedOn(AS_OF.minusMonths(1)))).value());
        // a second loan within the first year is growth already
        assertEquals(LifecycleStage.GROWTH, stage(facts().since(threshold.plusDays(1)).loan(activeOpenedOn(AS_OF.minusMonths(1)))
                .loan(activeOpenedOn(AS_OF.minusMonths(2)))).value());
    }

    @Test
    void recentBorrowingIsGrowthUpToTheConfiguredMonths() {
        LocalDate recent = AS_OF.minusMonths(stage.recentBorrowingMonths());
        StageAssessment at = stage(facts().since(AS_OF.minusYears(10)).loan(activeOpenedOn(recent)));
        assertEquals(LifecycleStage.GROWTH, at.value());
        assertEquals("GROWTH: a loan opened on " + recent + " (within 12 months)", at.rule());
        assertEquals(LifecycleStage.MATURE, stage(facts().since(AS_OF.minusYears(10)).loan(activeOpenedOn(recent.minusDays(1)))).value());
    }

    @Test
    void matureFromTheConfiguredTenure() {
        LocalDate mature = AS_OF.minusYears(stage.matureYears());
        LocalDate oldLoan = AS_OF.minusMonths(stage.recentBorrowingMonths() + 1L);
        StageAssessment below = stage(facts().since(mature.plusDays(1)).loan(activeOpenedOn(oldLoan)));
        assertEquals(LifecycleStage.GROWTH, below.value());
        assertEquals("GROWTH: tenure 35 months < 36", below.rule());
        StageAssessment at = stage(facts().since(mature).loan(activeOpenedOn(oldLoan)));
        assertEquals(LifecycleStage.MATURE, at.value());
        assertEquals("MATURE: tenure 36 months >= 36, no new loan within 12 months, 1 active loan(s)", at.rule());
    }
}
