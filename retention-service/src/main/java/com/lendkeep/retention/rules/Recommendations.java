package com.lendkeep.retention.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.rules.ChurnReportCalculator.CustomerOutcome;
import com.lendkeep.retention.rules.ChurnReportCalculator.InterventionFact;

/**
 * Recommendations drawn only where the evidence suffices, each saying what it rests on
 * (docs/retention.md, "Recommendations"): a cause only with at least {@code minimum} churned
 * customers; an uplift claim only when both groups have {@code minimum} decided customers and the
 * 95 % interval excludes 0; a kind as rarely accepted only when the upper end of the 95 % interval of
 * its acceptance rate is below 20 %.
 */
public final class Recommendations {
    private Recommendations() {
    }

    static final double LOW_ACCEPTANCE = 0.2;

    public static List<ChurnReport.Recommendation> of(List<CustomerOutcome> outcomes, List<InterventionFact> interventions,
            Map<UUID, Set<InterventionKind>> heldOutKinds, int minimum) {
        List<ChurnReport.Recommendation> out = new ArrayList<>();
        Map<ChurnCause, Integer> causes = new EnumMap<>(ChurnCause.class);
        outcomes.stream().filter(CustomerOutcome::churned).forEach(o -> causes.merge(o.cause(), 1, Integer::sum));
        causes.entrySet().stream()
                .filter(e -> e.getValue() >= minimum)
                .sorted(Map.Entry.<ChurnCause, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(e -> out.add(new ChurnReport.Recommendation(e.getKey().name(), e.getValue(), e.getKey().recommendation(),
                        "rule-based: a fixed recommendation per churn cause, not a statistical model",
                        "sufficient: " + e.getValue() + " churned customers with this cause (minimum " + minimum + ")")));
        ChurnReport.Uplift overall = UpliftCalculator.overall(outcomes, interventions, minimum);
        uplift(out, "the retention programme", overall.intentionToTreat());
        for (ChurnReport.KindStats k : UpliftCalculator.byKind(outcomes, interventions, heldOutKinds, minimum)) {
            uplift(out, k.kind() + " offers", k.intentionToTreat());
            if (k.acceptanceInterval() != null && k.acceptanceInterval().upper().doubleValue() < LOW_ACCEPTANCE) {
                out.add(new ChurnReport.Recommendation(null, 0, k.kind() + " offers are rarely accepted (" + k.accepted() + " of "
                        + k.offered() + "): review their terms.", "statistical: acceptance rate with its 95 % Wilson interval",
                        "sufficient: the interval " + k.acceptanceInterval().lower() + " to " + k.acceptanceInterval().upper()
                                + " lies below " + LOW_ACCEPTANCE));
            }
        }
        return out;
    }

    private static void uplift(List<ChurnReport.Recommendation> out, String what, ChurnReport.Comparison c) {
        if (!c.sufficient() || c.interval95() == null) {
            return;
        }
        String basis = "statistical: intention-to-treat difference with Newcombe's 95 % interval";
        if (c.interval95().lower().signum() > 0) {
            out.add(new ChurnReport.Recommendation(null, 0, what + " retains more customers than the control group: keep it.", basis,
                    "sufficient: " + c.conclusion()));
        } else if (c.interval95().upper().signum() < 0) {
            out.add(new ChurnReport.Recommendation(null, 0, what + " retains fewer customers than the control group: review the "
                    + "playbook's rules and terms.", basis, "sufficient: " + c.conclusion()));
        }
    }
}
