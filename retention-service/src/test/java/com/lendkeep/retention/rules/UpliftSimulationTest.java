package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;

/**
 * The report's statistics on simulated alerted customers with a known effect: 2,000 customers, half
 * in each group; a customer of the treatment group stays with probability 0.70, one of the control
 * group with 0.60 (a true effect of 10 points), or both 0.60 (no effect).
 */
class UpliftSimulationTest {

    static final LocalDate ALERT = LocalDate.parse("2030-01-10");
    static final LocalDate AS_OF = ALERT.plusDays(400);
    static final Outcomes.Definition BANK = new Outcomes.Definition(90, 365, 180, 30, Set.of("PREPAID"), Set.of("CHARGED_OFF"),
            Set.of("REPAID"));
    static final ChurnReport.Definitions DEFS = new ChurnReport.Definitions(90, 365, 180, 30, List.of("PREPAID"), List.of("CHARGED_OFF"),
            List.of("REPAID"), List.of("RESTRUCTURING"));

    static ChurnReport simulate(long seed, int customers, double treatmentRetention, double controlRetention, int minimumGroup) {
        Random random = new Random(seed);
        List<ChurnReportCalculator.CaseFact> cases = new ArrayList<>();
        Map<UUID, List<Outcomes.ChurnEvent>> events = new HashMap<>();
        List<ChurnReportCalculator.InterventionFact> interventions = new ArrayList<>();
        Map<UUID, Set<InterventionKind>> heldOut = new HashMap<>();
        for (int i = 0; i < customers; i++) {
            UUID customer = UUID.randomUUID();
            boolean treatment = i % 2 == 0;
            cases.add(new ChurnReportCalculator.CaseFact(UUID.randomUUID(), customer, treatment ? Cohort.TREATMENT : Cohort.CONTROL,
                    "VOLUNTARY", List.of("mentioned a competitor's offer once"), ALERT));
            if (treatment) {
                interventions.add(new ChurnReportCalculator.InterventionFact(customer, InterventionKind.LOYALTY_RATE, InterventionStatus.APPLIED,
                        true, new BigDecimal("40.00")));
            } else {
                heldOut.put(customer, Set.of(InterventionKind.LOYALTY_RATE));
            }
            boolean stays = random.nextDouble() < (treatment ? treatmentRetention : controlRetention);
            events.put(customer, stays ? List.of()
                    : List.of(new Outcomes.ChurnEvent(UUID.randomUUID(), Outcomes.Trigger.PAYOFF, "PREPAID", ALERT.plusDays(30),
                            ALERT.plusDays(30), null, null, null, BigDecimal.TEN, null)));
        }
        return ChurnReportCalculator.compute(ALERT.withDayOfMonth(1), ALERT.withDayOfMonth(31), Instant.parse("2031-02-14T00:00:00Z"),
                AS_OF, AS_OF, BANK, DEFS, minimumGroup, new ChurnReportCalculator.Facts(cases, events, interventions, heldOut));
    }

    static double lower(ChurnReport.Comparison c) {
        return c.interval95().lower().doubleValue();
    }

    static double upper(ChurnReport.Comparison c) {
        return c.interval95().upper().doubleValue();
    }

    @Test
    void aTenPointEffectIsFoundAndItsIntervalExcludesZero() {
        ChurnReport r = simulate(20301, 2_000, 0.70, 0.60, 100);
        ChurnReport.Comparison itt = r.uplift().intentionToTreat();
        assertEquals(1_000, itt.treatment().decided());
        assertEquals(1_000, itt.control().decided());
        assertTrue(lower(itt) <= 0.10 && 0.10 <= upper(itt), "covers the true 10 points: " + itt.interval95());
        assertTrue(lower(itt) > 0, "excludes 0: " + itt.interval95());
        assertTrue(itt.pValue().doubleValue() < 0.05, "p = " + itt.pValue());
        assertTrue(itt.sufficient());
        assertTrue(itt.conclusion().startsWith("treatment retains more"), itt.conclusion());
        assertTrue(r.recommendations().stream().anyMatch(rec -> rec.recommendation().startsWith("the retention programme retains more")
                && rec.evidence().startsWith("sufficient")), r.recommendations().toString());
        ChurnReport.KindStats loyalty = r.interventionsByKind().get(0);
        assertEquals(InterventionKind.LOYALTY_RATE, loyalty.kind());
        assertTrue(lower(loyalty.intentionToTreat()) > 0, "per kind too: " + loyalty.intentionToTreat().interval95());
    }

    @Test
    void withNoEffectTheIntervalCoversZeroAndNoRecommendationClaimsOne() {
        ChurnReport r = simulate(20302, 2_000, 0.60, 0.60, 100);
        ChurnReport.Comparison itt = r.uplift().intentionToTreat();
        assertTrue(lower(itt) <= 0 && 0 <= upper(itt), "covers 0: " + itt.interval95());
        assertTrue(itt.conclusion().startsWith("no difference shown"), itt.conclusion());
        assertTrue(r.recommendations().stream().noneMatch(rec -> rec.recommendation().contains("retains")), r.recommendations().toString());
    }

    @Test
    void theIntervalCoversTheTrueEffectAboutNinetyFivePercentOfTheTime() {
        // 400 independent simulations of 2,000 customers: a 95 % interval should miss the true effect about 20 times;
        // outside 8..36 misses (more than 3 standard deviations of Binomial(400, 0.05) from 20) the method is wrong
        int misses = 0;
        for (long seed = 1; seed <= 400; seed++) {
            ChurnReport.Comparison c = simulate(seed, 2_000, 0.70, 0.60, 100).uplift().intentionToTreat();
            if (!(lower(c) <= 0.10 && 0.10 <= upper(c))) {
                misses++;
            }
        }
        assertTrue(misses >= 8 && misses <= 36, misses + " misses of 400");
    }

    @Test
    void twoControlCustomersDrawNoRecommendation() {
        // the reproduction: "review the playbook" fired with 2 control customers
        ChurnReport r = simulate(7, 4, 0.0, 1.0, 100);
        ChurnReport.Comparison itt = r.uplift().intentionToTreat();
        assertEquals(2, itt.control().decided());
        assertFalse(itt.sufficient());
        assertTrue(itt.conclusion().startsWith("insufficient evidence"), itt.conclusion());
        assertTrue(itt.conclusion().contains("per group are needed to detect 5 points"), itt.conclusion());
        assertTrue(r.recommendations().isEmpty(), r.recommendations().toString());
    }
}
