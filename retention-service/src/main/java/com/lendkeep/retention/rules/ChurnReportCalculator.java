package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;

/**
 * Builds the churn report from plain facts (docs/retention.md, "Outcomes" and "Reports"). The unit
 * is the alerted customer; the customer's first alert in the period opens the observation windows
 * and {@link Outcomes#decide} says what became of them by {@code asOf} (a business date).
 */
public final class ChurnReportCalculator {
    private ChurnReportCalculator() {
    }

    /** @param alertedOn the alert's business date */
    public record CaseFact(UUID alertId, UUID customerId, Cohort cohort, String churnType, List<String> reasons, LocalDate alertedOn) {
    }

    /** @param cost the realised cost: loan-service's concession when reported, else the estimate */
    public record InterventionFact(UUID customerId, InterventionKind kind, InterventionStatus status, boolean offered, BigDecimal cost) {
    }

    public record CustomerOutcome(UUID customerId, Cohort cohort, LocalDate windowStart, Outcomes.Outcome outcome,
            Outcomes.ChurnEvent event, List<Outcomes.ChurnEvent> observed, ChurnCause cause) {

        public boolean churned() {
            return outcome == Outcomes.Outcome.CHURNED_VOLUNTARY || outcome == Outcomes.Outcome.CHURNED_INVOLUNTARY;
        }

        public boolean decided() {
            return outcome != Outcomes.Outcome.PENDING;
        }
    }

    /** Everything the report needs besides the period. */
    public record Facts(List<CaseFact> cases, Map<UUID, List<Outcomes.ChurnEvent>> eventsByCustomer, List<InterventionFact> interventions,
            Map<UUID, Set<InterventionKind>> heldOutKinds) {
    }

    /** The outcome of one customer, from the first of their alerts. */
    public static CustomerOutcome outcome(List<CaseFact> cases, List<Outcomes.ChurnEvent> events, LocalDate asOf, Outcomes.Definition d) {
        CaseFact first = cases.stream().min(Comparator.comparing(CaseFact::alertedOn)).orElseThrow();
        Outcomes.Decision decision = Outcomes.decide(first.alertedOn(), events, asOf, d);
        ChurnCause cause = null;
        if (decision.event() != null) {
            String type = decision.event().type().name();
            CaseFact explaining = cases.stream().filter(c -> type.equals(c.churnType()))
                    .min(Comparator.comparing(CaseFact::alertedOn)).orElse(first);
            cause = ChurnCause.of(explaining.reasons());
        }
        List<Outcomes.ChurnEvent> observed = events.stream()
                .filter(e -> !e.on().isBefore(first.alertedOn()) && !e.knownOn().isAfter(asOf)
                        && !e.on().isAfter(first.alertedOn().plusDays(e.type() == Outcomes.ChurnType.VOLUNTARY
                                ? d.voluntaryWindowDays() : d.involuntaryWindowDays())))
                .toList();
        return new CustomerOutcome(first.customerId(), first.cohort(), first.alertedOn(), decision.outcome(), decision.event(), observed,
                cause);
    }

    public static ChurnReport compute(LocalDate from, LocalDate to, Instant asOf, LocalDate asOfDate, LocalDate businessDate,
            Outcomes.Definition d, ChurnReport.Definitions definitions, int minimumGroup, Facts facts) {
        Map<UUID, List<CaseFact>> byCustomer = facts.cases().stream().collect(Collectors.groupingBy(CaseFact::customerId,
                LinkedHashMap::new, Collectors.toList()));
        List<CustomerOutcome> outcomes = byCustomer.entrySet().stream()
                .map(e -> outcome(e.getValue(), facts.eventsByCustomer().getOrDefault(e.getKey(), List.of()), asOfDate, d))
                .toList();

        int voluntary = count(outcomes, Outcomes.Outcome.CHURNED_VOLUNTARY);
        int involuntary = count(outcomes, Outcomes.Outcome.CHURNED_INVOLUNTARY);
        int retained = count(outcomes, Outcomes.Outcome.RETAINED);
        int pending = count(outcomes, Outcomes.Outcome.PENDING);
        ChurnReport.Population population = new ChurnReport.Population(outcomes.size(), outcomes.size() - pending, pending, retained,
                voluntary + involuntary, voluntary, involuntary);

        Map<String, Integer> causes = new TreeMap<>();
        Map<String, Integer> triggers = new TreeMap<>();
        for (CustomerOutcome o : outcomes) {
            if (o.churned()) {
                causes.merge(o.event().type() + "|" + o.cause().name(), 1, Integer::sum);
                triggers.merge(o.event().type() + "|" + o.event().trigger().name(), 1, Integer::sum);
            }
        }
        List<ChurnReport.ChurnGroup> byTypeAndCause = causes.entrySet().stream()
                .map(e -> new ChurnReport.ChurnGroup(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue()))
                .sorted(Comparator.comparing(ChurnReport.ChurnGroup::customers).reversed()
                        .thenComparing(ChurnReport.ChurnGroup::churnType).thenComparing(ChurnReport.ChurnGroup::cause))
                .toList();
        List<ChurnReport.TriggerCount> byTrigger = triggers.entrySet().stream()
                .map(e -> new ChurnReport.TriggerCount(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue())).toList();

        List<ChurnReport.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            YearMonth month = m;
            List<CustomerOutcome> of = outcomes.stream().filter(o -> YearMonth.from(o.windowStart()).equals(month)).toList();
            int decided = (int) of.stream().filter(CustomerOutcome::decided).count();
            int vol = count(of, Outcomes.Outcome.CHURNED_VOLUNTARY);
            int invol = count(of, Outcomes.Outcome.CHURNED_INVOLUNTARY);
            months.add(new ChurnReport.Month(month.toString(), of.size(), decided, count(of, Outcomes.Outcome.RETAINED), vol + invol, vol,
                    invol, rate(vol + invol, decided)));
        }

        return new ChurnReport(from, to, asOf, businessDate, definitions, population, byTypeAndCause, byTrigger, months, loss(outcomes),
                UpliftCalculator.byKind(outcomes, facts.interventions(), facts.heldOutKinds(), minimumGroup),
                UpliftCalculator.overall(outcomes, facts.interventions(), minimumGroup),
                Recommendations.of(outcomes, facts.interventions(), facts.heldOutKinds(), minimumGroup));
    }

    /** Written-off amounts of charged-off loans; exposure of defaulted ones not (yet) charged off; interest lost to payoffs. */
    static ChurnReport.Loss loss(List<CustomerOutcome> outcomes) {
        BigDecimal principal = money(null);
        BigDecimal interest = money(null);
        BigDecimal fees = money(null);
        BigDecimal exposure = money(null);
        BigDecimal interestLost = money(null);
        int defaulted = 0;
        int exposureUnknown = 0;
        int withoutTerms = 0;
        for (CustomerOutcome o : outcomes) {
            if (o.outcome() == Outcomes.Outcome.CHURNED_INVOLUNTARY) {
                Set<UUID> chargedOff = new HashSet<>();
                for (Outcomes.ChurnEvent e : o.observed()) {
                    if (e.trigger() == Outcomes.Trigger.CHARGE_OFF) {
                        chargedOff.add(e.loanId());
                        principal = principal.add(money(e.unrecoveredPrincipal()));
                        interest = interest.add(money(e.unrecoveredInterest()));
                        fees = fees.add(money(e.writtenOffFees()));
                    }
                }
                Set<UUID> counted = new HashSet<>();
                for (Outcomes.ChurnEvent e : o.observed()) {
                    if (e.type() == Outcomes.ChurnType.INVOLUNTARY && e.trigger() != Outcomes.Trigger.CHARGE_OFF
                            && !chargedOff.contains(e.loanId()) && counted.add(e.loanId())) {
                        defaulted++;
                        if (e.exposure() == null) {
                            exposureUnknown++;
                        } else {
                            exposure = exposure.add(money(e.exposure()));
                        }
                    }
                }
            } else if (o.outcome() == Outcomes.Outcome.CHURNED_VOLUNTARY && o.event().trigger() == Outcomes.Trigger.PAYOFF) {
                if (o.event().interestIncomeLost() == null) {
                    withoutTerms++;
                } else {
                    interestLost = interestLost.add(money(o.event().interestIncomeLost()));
                }
            }
        }
        int involuntaryCustomers = count(outcomes, Outcomes.Outcome.CHURNED_INVOLUNTARY);
        return new ChurnReport.Loss(
                new ChurnReport.InvoluntaryLoss(involuntaryCustomers, principal, interest, fees, principal.add(interest).add(fees), defaulted, exposure,
                        exposureUnknown),
                new ChurnReport.VoluntaryLoss(count(outcomes, Outcomes.Outcome.CHURNED_VOLUNTARY), interestLost, withoutTerms),
                principal.add(interest).add(fees).add(interestLost));
    }

    static int count(List<CustomerOutcome> outcomes, Outcomes.Outcome outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }

    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }
}
