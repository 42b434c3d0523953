package com.lendkeep.customer.domain.rules;

import static com.lendkeep.customer.domain.rules.ConfiguredRules.AS_OF;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.CONFIG;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.active;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.closed;
import static com.lendkeep.customer.domain.rules.ConfiguredRules.facts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.RelationshipDepth;

/** Each point at its configured threshold and just below, and the levels at their point thresholds. */
class DepthRuleTest {

    private final DepthRule rule = new DepthRule(CONFIG.depth());
    private final CustomerConfig.Depth depth = CONFIG.depth();

    private ConfiguredRules.Facts young() {
        return facts().since(AS_OF.minusMonths(1));
    }

    @Test
    void tenurePoints() {
        assertEquals(0, rule.evaluate(facts().since(AS_OF.minusYears(depth.mediumTenureYears()).plusDays(1)).build()).points());
        assertEquals(1, rule.evaluate(facts().since(AS_OF.minusYears(depth.mediumTenureYears())).build()).points());
        assertEquals(1, rule.evaluate(facts().since(AS_OF.minusYears(depth.longTenureYears()).plusDays(1)).build()).points());
        DepthAssessment longTenure = rule.evaluate(facts().since(AS_OF.minusYears(depth.longTenureYears())).build());
        assertEquals(2, longTenure.points());
        assertTrue(longTenure.reasons().contains("tenure 5 years >= 5: +2"), longTenure.reasons().toString());
    }

    @Test
    void productsHeldPoint() {
        var one = young();
        var enough = young();
        for (int i = 0; i < depth.multiProduct() - 1; i++) {
            one.loan(active("100"));
        }
        for (int i = 0; i < depth.multiProduct(); i++) {
            enough.loan(active("100"));
        }
        DepthAssessment below = rule.evaluate(one.build());
        DepthAssessment at = rule.evaluate(enough.build());
        assertTrue(below.reasons().contains("products held 1 < 2: +0"), below.reasons().toString());
        assertTrue(at.reasons().contains("products held 2 >= 2: +1"), at.reasons().toString());
    }

    @Test
    void contactFrequencyPoint() {
        assertEquals(0, rule.evaluate(young().contacts(depth.frequentContacts() - 1).build()).points());
        DepthAssessment at = rule.evaluate(young().contacts(depth.frequentContacts()).build());
        assertEquals(1, at.points());
        assertTrue(at.reasons().contains("contacts in the last 12 months 4 >= 4: +1"), at.reasons().toString());
    }

    @Test
    void repeatBorrowingPointCountsClosedLoans() {
        assertEquals(0, rule.evaluate(young().loan(closed("100", "0", "REPAID", AS_OF.minusYears(1))).build()).points());
        DepthAssessment at = rule.evaluate(young().loan(closed("100", "0", "REPAID", AS_OF.minusYears(2)))
                .loan(closed("100", "0", "REPAID", AS_OF.minusYears(1))).build());
        assertEquals(1, at.points());
        assertTrue(at.reasons().contains("loans ever (repeat borrowing) 2 >= 2: +1"), at.reasons().toString());
    }

    @Test
    void levelsAtTheirPointThresholds() {
        // 1 point (contacts): SHALLOW
        DepthAssessment shallow = rule.evaluate(young().contacts(depth.frequentContacts()).build());
        assertEquals(RelationshipDepth.SHALLOW, shallow.value());
        assertEquals("SHALLOW: 1 points < 2", shallow.rule());
        // 2 points (long tenure): MODERATE
        DepthAssessment moderate = rule.evaluate(facts().since(AS_OF.minusYears(depth.longTenureYears())).build());
        assertEquals(RelationshipDepth.MODERATE, moderate.value());
        // 3 points (long tenure, contacts): still MODERATE
        assertEquals(RelationshipDepth.MODERATE, rule.evaluate(facts().since(AS_OF.minusYears(depth.longTenureYears()))
                .contacts(depth.frequentContacts()).build()).value());
        // 4 points (long tenure, two products, hence repeat borrowing): DEEP
        DepthAssessment deep = rule.evaluate(facts().since(AS_OF.minusYears(depth.longTenureYears()))
                .loan(active("100")).loan(active("100")).build());
        assertEquals(4, deep.points());
        assertEquals(RelationshipDepth.DEEP, deep.value());
        assertEquals("DEEP: 4 points >= 4", deep.rule());
    }
}
