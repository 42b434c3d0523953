package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.support.DefaultPlaybook;

class PlaybookValidatorTest {

    static PlaybookRule.Action action(InterventionKind kind, Integer ext, BigDecimal rate, BigDecimal reduction, Integer term, BigDecimal fee) {
        return new PlaybookRule.Action(kind, ext, null, rate, reduction, null, term, null, fee, null, new BigDecimal("0.3"));
    }

    static List<String> fields(PlaybookRule rule) {
        return PlaybookValidator.validate(rule).stream().map(Violation::field).toList();
    }

    @Test
    void theDefaultPlaybookIsValid() {
        DefaultPlaybook.rules().forEach(r -> assertEquals(List.of(), PlaybookValidator.validate(r), r.id()));
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        PlaybookRule bad = new PlaybookRule("Bad Id", "", -1, true,
                new PlaybookRule.Conditions(List.of("in voluntary"), null, List.of(""), null, null, null, new BigDecimal("2")),
                new PlaybookRule.Action(InterventionKind.PAYMENT_EXTENSION, 30, null, new BigDecimal("0.05"), null, null, null, null, null,
                        new BigDecimal("-1"), null));
        assertEquals(List.of("id", "description", "priority", "when.churnTypes[0]", "when.reasonsAny[0]", "when.minScore",
                "propose.churnReduction", "propose.fixedCost", "propose.newAnnualRate", "propose.extensionMonths"), fields(bad));
    }

    @Test
    void eachKindNeedsItsTermsAndOnlyThose() {
        PlaybookRule.Conditions any = PlaybookRule.Conditions.none();
        assertEquals(List.of("propose.newAnnualRate"), fields(new PlaybookRule("loyal", "x", 1, true, any,
                action(InterventionKind.LOYALTY_RATE, null, null, null, null, null))), "a rate kind needs a rate");
        assertEquals(List.of("propose.newAnnualRate"), fields(new PlaybookRule("loyal", "x", 1, true, any,
                action(InterventionKind.LOYALTY_RATE, null, new BigDecimal("0.04"), new BigDecimal("0.01"), null, null))), "not both");
        assertEquals(List.of("propose.newAnnualRate"), fields(new PlaybookRule("restructure", "x", 1, true, any,
                action(InterventionKind.RESTRUCTURING, null, null, null, null, null))), "restructuring needs a rate or a term");
        assertEquals(List.of(), fields(new PlaybookRule("restructure", "x", 1, true, any,
                action(InterventionKind.RESTRUCTURING, null, null, null, 48, null))));
        assertEquals(List.of("propose.feeWaived"), fields(new PlaybookRule("waive", "x", 1, true, any,
                action(InterventionKind.FEE_WAIVER, null, null, null, null, null))));
        assertEquals(List.of("propose.extensionMonths"), fields(new PlaybookRule("call", "x", 1, true, any,
                action(InterventionKind.RELATIONSHIP_MANAGER_CALL, 3, null, null, null, null))), "a task has no loan terms");
        assertTrue(PlaybookValidator.validate(new PlaybookRule("nokind", "x", 1, true, any, action(null, null, null, null, null, null)))
                .get(0).message().startsWith("is required"));
        assertEquals(List.of("propose"), fields(new PlaybookRule("noaction", "x", 1, true, any, null)));
    }
}
