package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.rules.ChurnReportCalculator.CustomerOutcome;
import com.lendkeep.retention.rules.ChurnReportCalculator.InterventionFact;

/**
 * Treatment against control with intervals (docs/retention.md, "Uplift"): overall and per kind, as
 * intention to treat and as treated with an offer. Decided customers only.
 */
public final class UpliftCalculator {
    private UpliftCalculator() {
    }

    public static final String METHOD = "difference of retention rates (treatment - control) with Newcombe's hybrid score 95 % interval "
            + "(Newcombe 1998, method 10: Wilson score intervals of each rate combined); p-value from the two-sided two-proportion "
            + "z-test with pooled standard error; customers needed per group to detect 5 points at 5 % two-sided with 80 % power "
            + "(Fleiss, without continuity correction)";
    static final double FIVE_POINTS = 0.05;
    private static final Set<InterventionStatus> ACCEPTED = Set.of(InterventionStatus.ACCEPTED, InterventionStatus.APPLIED,
            InterventionStatus.FAILED);
    private static final Set<InterventionStatus> COSTED = Set.of(InterventionStatus.ACCEPTED, InterventionStatus.APPLIED);

    public static ChurnReport.Uplift overall(List<CustomerOutcome> outcomes, List<InterventionFact> interventions, int minimum) {
        Set<UUID> offered = interventions.stream().filter(InterventionFact::offered).map(InterventionFact::customerId).collect(Collectors.toSet());
        ChurnReport.Comparison itt = compare(outcomes, o -> o.cohort() == Cohort.TREATMENT, o -> o.cohort() == Cohort.CONTROL, minimum);
        ChurnReport.Comparison treated = compare(outcomes, o -> o.cohort() == Cohort.TREATMENT && offered.contains(o.customerId()),
                o -> o.cohort() == Cohort.CONTROL, minimum);
        return new ChurnReport.Uplift(itt, treated, METHOD, "intention to treat compares every alerted customer of the treatment "
                + "group with the control group (the randomised comparison); treated-with-offer keeps only treatment customers who "
                + "were offered something, which is not randomised (who gets an offer depends on eligibility and contact policy) "
                + "and may be biased");
    }

    /** Per kind: treatment customers for whom the kind was chosen (or offered) against control customers for whom it would have been. */
    public static List<ChurnReport.KindStats> byKind(List<CustomerOutcome> outcomes, List<InterventionFact> interventions,
            Map<UUID, Set<InterventionKind>> heldOutKinds, int minimum) {
        Map<InterventionKind, List<InterventionFact>> byKind = new EnumMap<>(InterventionKind.class);
        interventions.forEach(i -> byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i));
        heldOutKinds.values().forEach(kinds -> kinds.forEach(k -> byKind.computeIfAbsent(k, x -> new ArrayList<>())));
        List<ChurnReport.KindStats> out = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            int offered = (int) list.stream().filter(InterventionFact::offered).count();
            int accepted = (int) list.stream().filter(i -> ACCEPTED.contains(i.status())).count();
            BigDecimal cost = list.stream().filter(i -> COSTED.contains(i.status())).map(i -> ChurnReportCalculator.money(i.cost()))
                    .reduce(ChurnReportCalculator.money(null), BigDecimal::add);
            Set<UUID> chosen = list.stream().map(InterventionFact::customerId).collect(Collectors.toSet());
            Set<UUID> offeredTo = list.stream().filter(InterventionFact::offered).map(InterventionFact::customerId).collect(Collectors.toSet());
            Predicate<CustomerOutcome> control = o -> o.cohort() == Cohort.CONTROL
                    && heldOutKinds.getOrDefault(o.customerId(), Set.of()).contains(kind);
            out.add(new ChurnReport.KindStats(kind, list.size(), offered, accepted, status(list, InterventionStatus.DECLINED),
                    status(list, InterventionStatus.EXPIRED), status(list, InterventionStatus.APPLIED),
                    ChurnReportCalculator.rate(accepted, offered), offered == 0 ? null : interval(Statistics.wilson(accepted, offered,
                            Statistics.Z_95)),
                    cost,
                    compare(outcomes, o -> o.cohort() == Cohort.TREATMENT && chosen.contains(o.customerId()), control, minimum),
                    compare(outcomes, o -> o.cohort() == Cohort.TREATMENT && offeredTo.contains(o.customerId()), control, minimum)));
        });
        return out;
    }

    static ChurnReport.Comparison compare(List<CustomerOutcome> outcomes, Predicate<CustomerOutcome> treatment,
            Predicate<CustomerOutcome> control, int minimum) {
        ChurnReport.Group t = group(outcomes.stream().filter(treatment).toList());
        ChurnReport.Group c = group(outcomes.stream().filter(control).toList());
        int needed = Statistics.perGroupToDetect(base(t, c), FIVE_POINTS);
        boolean sufficient = t.decided() >= minimum && c.decided() >= minimum;
        if (t.decided() == 0 || c.decided() == 0) {
            return new ChurnReport.Comparison(t, c, null, null, null, false, minimum, needed,
                    "no comparison: a group has no decided customer yet; about " + needed + " decided customers per group are needed "
                            + "to detect 5 points");
        }
        double diff = (double) t.retained() / t.decided() - (double) c.retained() / c.decided();
        Statistics.Interval ci = Statistics.newcombe(t.retained(), t.decided(), c.retained(), c.decided(), Statistics.Z_95);
        double p = Statistics.twoProportionPValue(t.retained(), t.decided(), c.retained(), c.decided());
        String figures = "difference " + points(diff) + " points, 95 % CI " + points(ci.lower()) + " to " + points(ci.upper())
                + ", p = " + scale(p, 4).toPlainString();
        String conclusion;
        if (!sufficient) {
            conclusion = "insufficient evidence: " + t.decided() + " treatment and " + c.decided() + " control customers decided, "
                    + "minimum " + minimum + " each (about " + needed + " per group are needed to detect 5 points); " + figures;
        } else if (ci.lower() > 0) {
            conclusion = "treatment retains more: " + figures;
        } else if (ci.upper() < 0) {
            conclusion = "treatment retains less: " + figures;
        } else {
            conclusion = "no difference shown (the interval covers 0): " + figures;
        }
        return new ChurnReport.Comparison(t, c, scale(diff, 4), interval(ci), scale(p, 4), sufficient, minimum, needed, conclusion);
    }

    /** The control rate when known (the base the effect is added to), else the treatment rate, else 0.5 (the most demanding). */
    private static double base(ChurnReport.Group t, ChurnReport.Group c) {
        if (c.decided() > 0) {
            return (double) c.retained() / c.decided();
        }
        return t.decided() > 0 ? (double) t.retained() / t.decided() : 0.5;
    }

    static ChurnReport.Group group(List<CustomerOutcome> of) {
        int retained = ChurnReportCalculator.count(of, Outcomes.Outcome.RETAINED);
        int churned = (int) of.stream().filter(CustomerOutcome::churned).count();
        return new ChurnReport.Group(of.size(), retained + churned, retained, churned, ChurnReportCalculator.rate(retained, retained + churned));
    }

    private static int status(List<InterventionFact> list, InterventionStatus status) {
        return (int) list.stream().filter(i -> i.status() == status).count();
    }

    static ChurnReport.Interval interval(Statistics.Interval i) {
        return new ChurnReport.Interval(scale(i.lower(), 4), scale(i.upper(), 4));
    }

    static BigDecimal scale(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }

    private static String points(double v) {
        return scale(v * 100, 1).toPlainString();
    }
}
