package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;

/** Outcome rules and report arithmetic on plain facts (the end-to-end hand-computed example is ChurnReportTest). */
class ChurnReportCalculatorTest {

    static final Instant ALERT = Instant.parse("2030-01-10T10:00:00Z");

    static ChurnReportCalculator.CaseFact alert(UUID customer, Cohort cohort, String type, String reason) {
        return new ChurnReportCalculator.CaseFact(UUID.randomUUID(), customer, cohort, type, List.of(reason), ALERT);
    }

    static ChurnReportCalculator.ClosureFact closed(UUID customer, String closure, String at, String principal, String interest, String lost) {
        return new ChurnReportCalculator.ClosureFact(customer, UUID.randomUUID(), closure, LocalDate.parse(at.substring(0, 10)), Instant.parse(at),
                new BigDecimal(principal), new BigDecimal(interest), lost == null ? null : new BigDecimal(lost));
    }

    @Test
    void outcomesWindowBoundariesAndClosureKinds() {
        UUID c = UUID.randomUUID();
        var a = List.of(alert(c, Cohort.TREATMENT, "VOLUNTARY", "asked for a payoff quote twice"));
        Instant late = Instant.parse("2030-06-01T00:00:00Z");
        assertEquals(ChurnReportCalculator.Outcome.CHURNED_VOLUNTARY, ChurnReportCalculator.outcome(a,
                List.of(closed(c, "PREPAID", "2030-04-10T10:00:00Z", "0", "0", "1")), late, 90).outcome(), "closing on the last instant counts");
        assertEquals(ChurnReportCalculator.Outcome.RETAINED, ChurnReportCalculator.outcome(a,
                List.of(closed(c, "PREPAID", "2030-04-10T10:00:01Z", "0", "0", "1")), late, 90).outcome(), "after the window");
        assertEquals(ChurnReportCalculator.Outcome.RETAINED, ChurnReportCalculator.outcome(a,
                List.of(closed(c, "REPAID", "2030-02-01T00:00:00Z", "0", "0", null)), late, 90).outcome(), "repaid on schedule is no churn");
        assertEquals(ChurnReportCalculator.Outcome.CHURNED_INVOLUNTARY, ChurnReportCalculator.outcome(a,
                List.of(closed(c, "CHARGED_OFF", "2030-02-01T00:00:00Z", "100", "5", null)), late, 90).outcome());
        assertEquals(ChurnReportCalculator.Outcome.PENDING, ChurnReportCalculator.outcome(a, List.of(),
                Instant.parse("2030-04-01T00:00:00Z"), 90).outcome(), "window still running");
        assertEquals(ChurnReportCalculator.Outcome.PENDING, ChurnReportCalculator.outcome(a,
                List.of(closed(c, "PREPAID", "2030-03-01T00:00:00Z", "0", "0", "1")), Instant.parse("2030-02-01T00:00:00Z"), 90).outcome(),
                "a closure after asOf is not known yet");
    }

    @Test
    void interventionsByKindAndSmallGroupWarning() {
        UUID t = UUID.randomUUID();
        var interventions = List.of(
                new ChurnReportCalculator.InterventionFact(t, InterventionKind.LOYALTY_RATE, InterventionStatus.APPLIED, true, new BigDecimal("40.00")),
                new ChurnReportCalculator.InterventionFact(t, InterventionKind.LOYALTY_RATE, InterventionStatus.DECLINED, true, new BigDecimal("50.00")),
                new ChurnReportCalculator.InterventionFact(t, InterventionKind.LOYALTY_RATE, InterventionStatus.BLOCKED, false, new BigDecimal("60.00")));
        ChurnReport r = ChurnReportCalculator.compute(LocalDate.parse("2030-01-01"), LocalDate.parse("2030-02-28"),
                Instant.parse("2030-06-01T00:00:00Z"), 90, List.of(alert(t, Cohort.TREATMENT, "VOLUNTARY", "complained about the rate once")),
                List.of(), interventions);
        ChurnReport.KindStats k = r.interventionsByKind().get(0);
        assertEquals(3, k.proposed());
        assertEquals(2, k.offered());
        assertEquals(1, k.accepted());
        assertEquals(1, k.declined());
        assertEquals(new BigDecimal("0.5000"), k.acceptanceRate());
        assertEquals(new BigDecimal("40.00"), k.cost(), "only what was accepted costs");
        assertEquals(2, r.churnByMonth().size(), "every month of the period, empty ones too");
        assertNull(r.uplift().uplift(), "no control customer decided");
        assertTrue(r.uplift().note().contains("not statistically reliable"));
    }

    @Test
    void upliftIsRoundedOnceFromTheExactRates() {
        // treatment retains 10 of 12 (0.83333...), control 2 of 3 (0.66666...): uplift 0.16666... -> 0.1667,
        // where subtracting the rounded rates (0.8333 - 0.6667) would give 0.1666
        List<ChurnReportCalculator.CaseFact> alerts = new java.util.ArrayList<>();
        List<ChurnReportCalculator.ClosureFact> closures = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            UUID c = UUID.randomUUID();
            boolean control = i >= 12;
            alerts.add(alert(c, control ? Cohort.CONTROL : Cohort.TREATMENT, "INVOLUNTARY", "2 consecutive missed installments"));
            if (i == 0 || i == 1 || i == 12) {
                closures.add(closed(c, "CHARGED_OFF", "2030-02-01T00:00:00Z", "1000", "10", null));
            }
        }
        ChurnReport r = ChurnReportCalculator.compute(LocalDate.parse("2030-01-01"), LocalDate.parse("2030-01-31"),
                Instant.parse("2030-06-01T00:00:00Z"), 90, alerts, closures, List.of());
        assertEquals(new BigDecimal("0.8333"), r.uplift().treatment().retentionRate());
        assertEquals(new BigDecimal("0.6667"), r.uplift().control().retentionRate());
        assertEquals(new BigDecimal("0.1667"), r.uplift().uplift());
    }
}
