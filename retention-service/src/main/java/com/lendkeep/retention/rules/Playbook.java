package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.lendkeep.retention.domain.InterventionKind;

/** The rule engine: which rules match an alert, and what each matching rule would propose and cost. */
public final class Playbook {
    private Playbook() {
    }

    /** @param asOf the alert's date: loan positions, probation and yearly limits are taken at it */
    public record AlertFacts(String churnType, String level, BigDecimal score, List<String> reasons, LocalDate asOf) {
    }

    /** @param tier null until customer-service sends TIER_CHANGED; likewise grade */
    public record CustomerFacts(String tier, String grade, boolean erased) {
        public static final CustomerFacts UNKNOWN = new CustomerFacts(null, null, false);
    }

    /** What one matching rule would propose. */
    public record Candidate(PlaybookRule rule, InterventionKind kind, Terms terms, Pricing.Estimate estimate) {
    }

    /**
     * Credit facts of the alert's loan from loan and repayment events.
     *
     * @param daysPastDue     at the alert's date (0 when current or unknown)
     * @param feesOutstanding unpaid fees, null while no event said
     * @param exposure        the outstanding balance an event reported, null while none did
     */
    public record CreditFacts(int daysPastDue, BigDecimal feesOutstanding, BigDecimal exposure) {
        public static final CreditFacts UNKNOWN = new CreditFacts(0, null, null);
    }

    /** Candidates of every enabled matching rule, in priority order, priced (docs/retention.md, "Cost and value"). */
    public static List<Candidate> candidates(List<PlaybookRule> rules, AlertFacts alert, CustomerFacts customer, LoanTerms loan,
            CreditFacts credit, BigDecimal lossGivenDefault) {
        LoanState state = loan == null ? LoanState.NONE : loan.state(alert.asOf());
        LoanTerms.Position position = loan == null || loan.closed() ? null : loan.positionAt(alert.asOf());
        List<Candidate> out = new ArrayList<>();
        rules.stream()
                .sorted(Comparator.comparing(PlaybookRule::priority).thenComparing(PlaybookRule::id))
                .filter(rule -> matches(rule, alert, customer, state))
                .forEach(rule -> {
                    PlaybookRule.Action a = rule.propose();
                    Terms terms = Pricing.terms(a, position, credit.feesOutstanding());
                    out.add(new Candidate(rule, a.kind(), terms, Pricing.estimate(a.kind(), terms, position, a.fixedCost(),
                            new Pricing.Context(alert.churnType(), alert.score(), credit.exposure(), lossGivenDefault), a.churnReduction())));
                });
        return out;
    }

    public static boolean matches(PlaybookRule rule, AlertFacts alert, CustomerFacts customer, LoanState state) {
        if (!Boolean.TRUE.equals(rule.enabled())) {
            return false;
        }
        PlaybookRule.Conditions when = rule.when() == null ? PlaybookRule.Conditions.none() : rule.when();
        return anyOf(when.churnTypes(), alert.churnType())
                && anyOf(when.levels(), alert.level())
                && anyOf(when.tiers(), customer.tier())
                && anyOf(when.grades(), customer.grade())
                && (empty(when.loanStates()) || when.loanStates().contains(state))
                && (when.minScore() == null || (alert.score() != null && alert.score().compareTo(when.minScore()) >= 0))
                && reasonsMatch(when.reasonsAny(), alert.reasons());
    }

    private static boolean anyOf(List<String> allowed, String value) {
        if (empty(allowed)) {
            return true;
        }
        return value != null && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value));
    }

    private static boolean reasonsMatch(List<String> words, List<String> reasons) {
        if (empty(words)) {
            return true;
        }
        if (reasons == null) {
            return false;
        }
        return reasons.stream().filter(r -> r != null).map(r -> r.toLowerCase(Locale.ROOT))
                .anyMatch(r -> words.stream().anyMatch(w -> r.contains(w.toLowerCase(Locale.ROOT))));
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }
}
