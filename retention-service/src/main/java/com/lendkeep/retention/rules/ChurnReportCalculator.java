package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
 * is the alerted customer; the customer's first alert in the period opens an observation window of
 * {@code observationDays}. A PREPAID closure of any of the customer's loans in the window is
 * voluntary churn, a CHARGED_OFF one involuntary churn (the first closure decides); a customer
 * whose window ended without either is retained; otherwise the customer is pending.
 */
public final class ChurnReportCalculator {
    private ChurnReportCalculator() {
    }

    public record CaseFact(UUID alertId, UUID customerId, Cohort cohort, String churnType, List<String> reasons, Instant alertedAt) {
    }

    /** @param occurredAt when loan-service recorded the closure: compared with the alert's time, on the same clock */
    public record ClosureFact(UUID customerId, UUID loanId, String closure, LocalDate closedOn, Instant occurredAt,
            BigDecimal unrecoveredPrincipal, BigDecimal unrecoveredInterest, BigDecimal interestIncomeLost) {
    }

    public record InterventionFact(UUID customerId, InterventionKind kind, InterventionStatus status, boolean offered, BigDecimal cost) {
    }

    public enum Outcome {
        RETAINED, CHURNED_VOLUNTARY, CHURNED_INVOLUNTARY, PENDING
    }

    public record CustomerOutcome(UUID customerId, Cohort cohort, Instant windowStart, Outcome outcome, ClosureFact closure, ChurnCause cause) {
    }

    private static final Set<InterventionStatus> ACCEPTED = Set.of(InterventionStatus.ACCEPTED, InterventionStatus.APPLIED,
            InterventionStatus.FAILED);
    private static final Set<InterventionStatus> COSTED = Set.of(InterventionStatus.ACCEPTED, InterventionStatus.APPLIED);
    private static final String BASIS = "rule-based: derived from the top churn causes by fixed rules, not from a statistical model";
    static final int SMALL_GROUP = 30;

    /** The outcome of one customer, from the first alert's time. */
    public static CustomerOutcome outcome(List<CaseFact> cases, List<ClosureFact> closures, Instant asOf, int observationDays) {
        CaseFact first = cases.stream().min(Comparator.comparing(CaseFact::alertedAt)).orElseThrow();
        Instant end = first.alertedAt().plus(Duration.ofDays(observationDays));
        ClosureFact churn = closures.stream()
                .filter(c -> "PREPAID".equals(c.closure()) || "CHARGED_OFF".equals(c.closure()))
                .filter(c -> !c.occurredAt().isBefore(first.alertedAt()) && !c.occurredAt().isAfter(end) && !c.occurredAt().isAfter(asOf))
                .min(Comparator.comparing(ClosureFact::occurredAt)).orElse(null);
        if (churn != null) {
            String type = "PREPAID".equals(churn.closure()) ? "VOLUNTARY" : "INVOLUNTARY";
            CaseFact explaining = cases.stream().filter(c -> type.equals(c.churnType()))
                    .min(Comparator.comparing(CaseFact::alertedAt)).orElse(first);
            return new CustomerOutcome(first.customerId(), first.cohort(), first.alertedAt(),
                    type.equals("VOLUNTARY") ? Outcome.CHURNED_VOLUNTARY : Outcome.CHURNED_INVOLUNTARY, churn, ChurnCause.of(explaining.reasons()));
        }
        return new CustomerOutcome(first.customerId(), first.cohort(), first.alertedAt(),
                asOf.isBefore(end) ? Outcome.PENDING : Outcome.RETAINED, null, null);
    }

    public static ChurnReport compute(LocalDate from, LocalDate to, Instant asOf, int observationDays, List<CaseFact> cases,
            List<ClosureFact> closures, List<InterventionFact> interventions) {
        Map<UUID, List<CaseFact>> byCustomer = cases.stream().collect(Collectors.groupingBy(CaseFact::customerId, LinkedHashMap::new,
                Collectors.toList()));
        Map<UUID, List<ClosureFact>> closuresByCustomer = closures.stream().collect(Collectors.groupingBy(ClosureFact::customerId));
        List<CustomerOutcome> outcomes = byCustomer.values().stream()
                .map(c -> outcome(c, closuresByCustomer.getOrDefault(c.get(0).customerId(), List.of()), asOf, observationDays))
                .toList();

        int voluntary = count(outcomes, Outcome.CHURNED_VOLUNTARY);
        int involuntary = count(outcomes, Outcome.CHURNED_INVOLUNTARY);
        int retained = count(outcomes, Outcome.RETAINED);
        int pending = count(outcomes, Outcome.PENDING);
        ChurnReport.Population population = new ChurnReport.Population(outcomes.size(), outcomes.size() - pending, pending, retained,
                voluntary + involuntary, voluntary, involuntary);

        Map<String, Integer> groups = new TreeMap<>();
        for (CustomerOutcome o : outcomes) {
            if (churned(o)) {
                groups.merge(type(o) + "|" + o.cause().name(), 1, Integer::sum);
            }
        }
        List<ChurnReport.ChurnGroup> byTypeAndCause = groups.entrySet().stream()
                .map(e -> new ChurnReport.ChurnGroup(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue()))
                .sorted(Comparator.comparing(ChurnReport.ChurnGroup::customers).reversed()
                        .thenComparing(ChurnReport.ChurnGroup::churnType).thenComparing(ChurnReport.ChurnGroup::cause))
                .toList();

        List<ChurnReport.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            YearMonth month = m;
            List<CustomerOutcome> of = outcomes.stream()
                    .filter(o -> YearMonth.from(o.windowStart().atZone(ZoneOffset.UTC)).equals(month)).toList();
            int decided = (int) of.stream().filter(o -> o.outcome() != Outcome.PENDING).count();
            int vol = count(of, Outcome.CHURNED_VOLUNTARY);
            int invol = count(of, Outcome.CHURNED_INVOLUNTARY);
            months.add(new ChurnReport.Month(month.toString(), of.size(), decided, vol + invol, vol, invol, rate(vol + invol, decided)));
        }

        BigDecimal principal = money(BigDecimal.ZERO);
        BigDecimal interest = money(BigDecimal.ZERO);
        BigDecimal interestLost = money(BigDecimal.ZERO);
        int withoutTerms = 0;
        for (CustomerOutcome o : outcomes) {
            if (o.outcome() == Outcome.CHURNED_INVOLUNTARY) {
                principal = principal.add(money(o.closure().unrecoveredPrincipal()));
                interest = interest.add(money(o.closure().unrecoveredInterest()));
            } else if (o.outcome() == Outcome.CHURNED_VOLUNTARY) {
                if (o.closure().interestIncomeLost() == null) {
                    withoutTerms++;
                } else {
                    interestLost = interestLost.add(money(o.closure().interestIncomeLost()));
                }
            }
        }
        ChurnReport.Loss loss = new ChurnReport.Loss(
                new ChurnReport.InvoluntaryLoss(involuntary, principal, interest, principal.add(interest)),
                new ChurnReport.VoluntaryLoss(voluntary, interestLost, withoutTerms),
                principal.add(interest).add(interestLost));

        Map<InterventionKind, List<InterventionFact>> byKind = new EnumMap<>(InterventionKind.class);
        interventions.forEach(i -> byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i));
        List<ChurnReport.KindStats> kinds = byKind.entrySet().stream().map(e -> {
            List<InterventionFact> list = e.getValue();
            int offered = (int) list.stream().filter(InterventionFact::offered).count();
            int accepted = (int) list.stream().filter(i -> ACCEPTED.contains(i.status())).count();
            BigDecimal cost = list.stream().filter(i -> COSTED.contains(i.status())).map(i -> money(i.cost()))
                    .reduce(money(BigDecimal.ZERO), BigDecimal::add);
            return new ChurnReport.KindStats(e.getKey(), list.size(), offered, accepted, status(list, InterventionStatus.DECLINED),
                    status(list, InterventionStatus.EXPIRED), status(list, InterventionStatus.APPLIED), rate(accepted, offered), cost);
        }).toList();

        ChurnReport.Group treatment = group(outcomes, Cohort.TREATMENT);
        ChurnReport.Group control = group(outcomes, Cohort.CONTROL);
        Set<UUID> offeredTo = interventions.stream().filter(InterventionFact::offered).map(InterventionFact::customerId)
                .collect(Collectors.toSet());
        int treatedWithOffer = (int) outcomes.stream().filter(o -> o.cohort() == Cohort.TREATMENT && offeredTo.contains(o.customerId())).count();
        // from the exact rates, rounded once: subtracting the rounded rates could be off by 0.0001
        BigDecimal uplift = treatment.retentionRate() == null || control.retentionRate() == null ? null
                : BigDecimal.valueOf(treatment.retained()).divide(BigDecimal.valueOf(treatment.decided()), java.math.MathContext.DECIMAL64)
                        .subtract(BigDecimal.valueOf(control.retained()).divide(BigDecimal.valueOf(control.decided()), java.math.MathContext.DECIMAL64))
                        .setScale(4, java.math.RoundingMode.HALF_UP);
        String note = "intention to treat: every alerted customer of the treatment group against the control group, decided customers only";
        if (treatment.decided() < SMALL_GROUP || control.decided() < SMALL_GROUP) {
            note += "; a group has fewer than " + SMALL_GROUP + " decided customers, so the uplift is not statistically reliable";
        }

        return new ChurnReport(from, to, asOf, observationDays, population, byTypeAndCause, months, loss, kinds,
                new ChurnReport.Uplift(treatment, control, treatedWithOffer, uplift, note),
                recommendations(outcomes, uplift, treatment, control, kinds));
    }

    private static List<ChurnReport.Recommendation> recommendations(List<CustomerOutcome> outcomes, BigDecimal uplift,
            ChurnReport.Group treatment, ChurnReport.Group control, List<ChurnReport.KindStats> kinds) {
        Map<ChurnCause, Integer> causes = new EnumMap<>(ChurnCause.class);
        outcomes.stream().filter(ChurnReportCalculator::churned).forEach(o -> causes.merge(o.cause(), 1, Integer::sum));
        List<ChurnReport.Recommendation> out = new ArrayList<>(causes.entrySet().stream()
                .sorted(Map.Entry.<ChurnCause, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> new ChurnReport.Recommendation(e.getKey().name(), e.getValue(), e.getKey().recommendation(), BASIS))
                .toList());
        if (uplift != null && uplift.signum() <= 0) {
            out.add(new ChurnReport.Recommendation(null, treatment.churned() + control.churned(),
                    "Treated customers were not retained better than the control group: review the playbook's rules and terms.",
                    "rule-based: uplift <= 0"));
        }
        for (ChurnReport.KindStats k : kinds) {
            if (k.offered() >= 5 && k.acceptanceRate() != null && k.acceptanceRate().compareTo(new BigDecimal("0.2")) < 0) {
                out.add(new ChurnReport.Recommendation(null, 0, k.kind() + " offers are rarely accepted (" + k.accepted() + " of "
                        + k.offered() + "): review their terms.", "rule-based: acceptance rate below 20 % over at least 5 offers"));
            }
        }
        return out;
    }

    private static ChurnReport.Group group(List<CustomerOutcome> outcomes, Cohort cohort) {
        List<CustomerOutcome> of = outcomes.stream().filter(o -> o.cohort() == cohort).toList();
        int retained = count(of, Outcome.RETAINED);
        int churned = count(of, Outcome.CHURNED_VOLUNTARY) + count(of, Outcome.CHURNED_INVOLUNTARY);
        return new ChurnReport.Group(of.size(), retained + churned, retained, churned, rate(retained, retained + churned));
    }

    private static boolean churned(CustomerOutcome o) {
        return o.outcome() == Outcome.CHURNED_VOLUNTARY || o.outcome() == Outcome.CHURNED_INVOLUNTARY;
    }

    private static String type(CustomerOutcome o) {
        return o.outcome() == Outcome.CHURNED_VOLUNTARY ? "VOLUNTARY" : "INVOLUNTARY";
    }

    private static int count(List<CustomerOutcome> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }

    private static int status(List<InterventionFact> list, InterventionStatus status) {
        return (int) list.stream().filter(i -> i.status() == status).count();
    }

    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }
}
