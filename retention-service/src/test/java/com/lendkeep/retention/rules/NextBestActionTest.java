package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.InterventionKind;

/** The choice by expected value (docs/retention.md, "Next-best action"). */
class NextBestActionTest {

    static Pricing.Estimate priced(String cost, String ev) {
        return new Pricing.Estimate(new BigDecimal(cost), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "test", new BigDecimal("0.5"),
                new BigDecimal("0.3"), new BigDecimal(ev));
    }

    static NextBestAction.Option option(String rule, int priority, InterventionKind kind, String cost, String ev) {
        return new NextBestAction.Option(rule, priority, kind, priced(cost, ev), null, List.of(), null);
    }

    static List<CandidateDecision> decisions(List<NextBestAction.Verdict> verdicts) {
        return verdicts.stream().map(NextBestAction.Verdict::decision).toList();
    }

    @Test
    void aCandidateCostingMoreThanItIsExpectedToKeepIsNotProposed() {
        // the reproduction: a rate match costing 856.16 proposed for a value of 785.61 (= 785.61 - 856.16 = -70.55)
        var verdicts = NextBestAction.decide(List.of(option("match", 40, InterventionKind.COMPETITOR_RATE_MATCH, "856.16", "-70.55")), null,
                false, o -> null);
        assertEquals(List.of(CandidateDecision.NO_POSITIVE_VALUE), decisions(verdicts));
        assertTrue(verdicts.get(0).reasons().startsWith("expected value -70.55 is not positive"), verdicts.get(0).reasons());
    }

    @Test
    void theHighestExpectedValueWinsAndPriorityOnlyBreaksTies() {
        var byValue = NextBestAction.decide(List.of(
                option("restructure", 10, InterventionKind.RESTRUCTURING, "150", "400.00"),
                option("extend", 20, InterventionKind.PAYMENT_EXTENSION, "201", "765.76"),
                option("counsel", 30, InterventionKind.FINANCIAL_COUNSELLING, "120", "423.56")), null, false, o -> null);
        assertEquals(List.of(CandidateDecision.OUTRANKED, CandidateDecision.PROPOSED, CandidateDecision.PROPOSED), decisions(byValue),
                "the extension is worth more than the higher-priority restructuring; a task comes on top on its own value");
        assertTrue(byValue.get(0).reasons().contains("expected value 765.76 against 400"), byValue.get(0).reasons());

        var tie = NextBestAction.decide(List.of(
                option("loyalty", 50, InterventionKind.LOYALTY_RATE, "47", "10.00"),
                option("match", 40, InterventionKind.COMPETITOR_RATE_MATCH, "70", "10.00")), null, false, o -> null);
        assertEquals(List.of(CandidateDecision.OUTRANKED, CandidateDecision.PROPOSED), decisions(tie));
        assertTrue(tie.get(0).reasons().contains("equal, so priority 40 before 50"), tie.get(0).reasons());
    }

    @Test
    void everySuppressionSaysWhy() {
        List<NextBestAction.Option> options = List.of(
                new NextBestAction.Option("a", 10, InterventionKind.RESTRUCTURING, priced("150", "900"), null, List.of("in probation"), null),
                new NextBestAction.Option("b", 20, InterventionKind.PAYMENT_EXTENSION, priced("200", "800"), "already has one", List.of(), null),
                new NextBestAction.Option("c", 70, InterventionKind.RELATIONSHIP_MANAGER_CALL, priced("80", "50"), null, List.of(),
                        "contact policy: no allowed channel"),
                option("d", 60, InterventionKind.FEE_WAIVER, "75", "5"),
                option("e", 50, InterventionKind.LOYALTY_RATE, "47", "30"));
        var verdicts = NextBestAction.decide(options, null, false, o -> o.kind() == InterventionKind.FEE_WAIVER ? new NextBestAction.Verdict(o,
                CandidateDecision.OVER_BUDGET, "over budget") : null);
        assertEquals(List.of(CandidateDecision.INELIGIBLE, CandidateDecision.ALREADY_COVERED, CandidateDecision.CONTACT_POLICY,
                CandidateDecision.OVER_BUDGET, CandidateDecision.PROPOSED), decisions(verdicts));
    }

    @Test
    void aWinnerOverBudgetLetsTheNextOneWin() {
        var verdicts = NextBestAction.decide(List.of(option("big", 10, InterventionKind.RESTRUCTURING, "5000", "900"),
                option("small", 20, InterventionKind.PAYMENT_EXTENSION, "200", "500")), null, false,
                o -> o.estimate().cost().intValue() > 1000 ? new NextBestAction.Verdict(o, CandidateDecision.OVER_BUDGET, "over") : null);
        assertEquals(List.of(CandidateDecision.OVER_BUDGET, CandidateDecision.PROPOSED), decisions(verdicts));
    }

    @Test
    void theControlGroupsChoiceIsRecordedAndHeldOut() {
        var verdicts = NextBestAction.decide(List.of(option("extend", 20, InterventionKind.PAYMENT_EXTENSION, "201", "765.76"),
                option("counsel", 30, InterventionKind.FINANCIAL_COUNSELLING, "120", "-5")), null, true, o -> {
                    throw new AssertionError("the control group spends no budget");
                });
        assertEquals(List.of(CandidateDecision.CONTROL_GROUP, CandidateDecision.NO_POSITIVE_VALUE), decisions(verdicts));
    }

    @Test
    void neverTwoLoanTermsInterventionsAndNeverANegativeOneWhateverTheOptions() {
        Random random = new Random(3);
        InterventionKind[] kinds = InterventionKind.values();
        for (int n = 0; n < 5_000; n++) {
            List<NextBestAction.Option> options = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(6); k++) {
                options.add(option("r" + k, random.nextInt(100), kinds[random.nextInt(kinds.length)], "10",
                        Integer.toString(random.nextInt(400) - 100)));
            }
            var verdicts = NextBestAction.decide(options, null, false, o -> null);
            assertTrue(verdicts.stream().filter(v -> v.chosen() && v.option().kind().family() == InterventionKind.Family.LOAN_TERMS).count() <= 1);
            assertTrue(verdicts.stream().filter(NextBestAction.Verdict::chosen).allMatch(v -> v.option().estimate().expectedValue().signum() > 0));
            // the loan-terms winner has the highest value of the eligible loan-terms candidates
            BigDecimal best = options.stream().filter(o -> o.kind().family() == InterventionKind.Family.LOAN_TERMS)
                    .map(o -> o.estimate().expectedValue()).filter(v -> v.signum() > 0).max(BigDecimal::compareTo).orElse(null);
            verdicts.stream().filter(v -> v.chosen() && v.option().kind().family() == InterventionKind.Family.LOAN_TERMS)
                    .forEach(v -> assertEquals(0, best.compareTo(v.option().estimate().expectedValue())));
        }
    }
}
