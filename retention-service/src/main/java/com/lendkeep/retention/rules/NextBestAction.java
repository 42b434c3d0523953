package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.InterventionKind;

/**
 * Chooses among an alert's priced candidates (docs/retention.md, "Next-best action"). A candidate
 * is suppressed, in this order, when the alert already has it, when an eligibility rule excludes
 * it, when its expected value is not positive, or when no channel the customer allows can carry it
 * (contact policy). Of the rest, loan-terms candidates compete: the highest expected value wins
 * (rule priority only breaks ties) and the others are OUTRANKED; goodwill and tasks each go ahead on
 * their own value. A winner whose cost does not fit the budget is OVER_BUDGET and the next one is
 * tried. For a control-group customer the winners are recorded as CONTROL_GROUP: what would have
 * been proposed, held out.
 */
public final class NextBestAction {
    private NextBestAction() {
    }

    /**
     * One candidate and the facts about it the decision needs.
     *
     * @param covered    why the alert already has it (null when it does not)
     * @param ineligible every eligibility rule that excludes it (empty when eligible)
     * @param contact    why no allowed channel can carry it (null when one can)
     */
    public record Option(String ruleId, int priority, InterventionKind kind, Pricing.Estimate estimate, String covered,
            List<String> ineligible, String contact) {
    }

    public record Verdict(Option option, CandidateDecision decision, String reasons) {
        public boolean chosen() {
            return decision == CandidateDecision.PROPOSED || decision == CandidateDecision.CONTROL_GROUP;
        }
    }

    /**
     * @param termsTaken why the alert already has a loan-terms intervention (an open or applied one), null when it has none
     * @param commit     takes a winner's share of the budget and of the customer's yearly limits and answers null, or
     *                   refuses with OVER_BUDGET or INELIGIBLE and why (limits reached by a winner of this same decision)
     * @return one verdict per option, in the options' order
     */
    public static List<Verdict> decide(List<Option> options, String termsTaken, boolean controlGroup, Function<Option, Verdict> commit) {
        Verdict[] verdicts = new Verdict[options.size()];
        List<Integer> contenders = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            if (o.covered() != null) {
                verdicts[i] = new Verdict(o, CandidateDecision.ALREADY_COVERED, o.covered());
            } else if (o.kind().family() == InterventionKind.Family.LOAN_TERMS && termsTaken != null) {
                verdicts[i] = new Verdict(o, CandidateDecision.ALREADY_COVERED, termsTaken);
            } else if (!o.ineligible().isEmpty()) {
                verdicts[i] = new Verdict(o, CandidateDecision.INELIGIBLE, String.join("; ", o.ineligible()));
            } else if (o.estimate().expectedValue().signum() <= 0) {
                verdicts[i] = new Verdict(o, CandidateDecision.NO_POSITIVE_VALUE, "expected value " + plain(o.estimate().expectedValue())
                        + " is not positive: " + formula(o.estimate()));
            } else if (o.contact() != null) {
                verdicts[i] = new Verdict(o, CandidateDecision.CONTACT_POLICY, o.contact());
            } else {
                contenders.add(i);
            }
        }
        contenders.sort(Comparator.<Integer, BigDecimal>comparing(i -> options.get(i).estimate().expectedValue()).reversed()
                .thenComparing(i -> options.get(i).priority()).thenComparing(i -> options.get(i).ruleId()));
        Option termsWinner = null;
        for (int i : contenders) {
            Option o = options.get(i);
            boolean terms = o.kind().family() == InterventionKind.Family.LOAN_TERMS;
            if (terms && termsWinner != null) {
                verdicts[i] = new Verdict(o, CandidateDecision.OUTRANKED, "outranked by " + termsWinner.kind() + " (rule " + termsWinner.ruleId()
                        + "): expected value " + plain(termsWinner.estimate().expectedValue()) + " against " + plain(o.estimate().expectedValue())
                        + (termsWinner.estimate().expectedValue().compareTo(o.estimate().expectedValue()) == 0
                                ? ", equal, so priority " + termsWinner.priority() + " before " + o.priority() : "")
                        + "; an alert gets one loan-terms intervention");
                continue;
            }
            if (controlGroup) {
                verdicts[i] = new Verdict(o, CandidateDecision.CONTROL_GROUP, "the customer is in the control group: this would have been "
                        + "proposed (expected value " + plain(o.estimate().expectedValue()) + ") and is held out so that uplift can be measured");
            } else {
                Verdict refused = commit.apply(o);
                if (refused != null) {
                    verdicts[i] = refused;
                    continue;
                }
                verdicts[i] = new Verdict(o, CandidateDecision.PROPOSED, "highest expected value" + (terms ? " of the loan-terms candidates" : "")
                        + ": " + formula(o.estimate()));
            }
            if (terms) {
                termsWinner = o;
            }
        }
        return List.of(verdicts);
    }

    /** The expected value's arithmetic, in words. */
    public static String formula(Pricing.Estimate e) {
        return "probability " + plain(e.probability()) + " x churn reduction " + plain(e.churnReduction()) + " x value "
                + plain(e.valueAtRisk()) + " (" + e.valueBasis() + ") - cost " + plain(e.cost()) + " = " + plain(e.expectedValue());
    }

    private static String plain(BigDecimal v) {
        return v == null ? "?" : v.stripTrailingZeros().toPlainString();
    }
}
