package com.lendkeep.risk.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RiskLevel;

class ScorecardTest {

    static RiskConfig config(Map<String, Double> involuntary, Map<String, Double> voluntary) {
        return new RiskConfig() {
            public Scorecard scorecard() {
                return new Scorecard() {
                    public String version() {
                        return "test-v1";
                    }

                    public Map<String, Double> involuntary() {
                        return involuntary;
                    }

                    public Map<String, Double> voluntary() {
                        return voluntary;
                    }

                    public double marketRate() {
                        return 0.05;
                    }
                };
            }

            public Levels levels() {
                return new Levels() {
                    public double medium() {
                        return 0.3;
                    }

                    public double high() {
                        return 0.5;
                    }

                    public double critical() {
                        return 0.75;
                    }

                    public double clearBelow() {
                        return 0.2;
                    }

                    public RiskLevel alertFrom() {
                        return RiskLevel.MEDIUM;
                    }
                };
            }
        };
    }

    static final Map<String, Double> INVOLUNTARY = Map.of("intercept", -3.0, "days-past-due", 1.5, "consecutive-missed", 1.2,
            "credit-score-drop", 0.8, "hardship-contacts", 0.9, "late-payment-share", 1.5);
    static final Map<String, Double> VOLUNTARY = Map.of("intercept", -3.5, "payoff-inquiries", 1.5, "competitor-mentions", 1.4,
            "rate-complaints", 0.9, "service-complaints", 0.6, "low-satisfaction", 0.4, "rate-above-market", 0.3);

    final Scorecard scorecard = new Scorecard(config(INVOLUNTARY, VOLUNTARY));

    @Test
    void moreMissedPaymentsNeverLowerInvoluntaryRisk() {
        for (int dpd = 0; dpd <= 200; dpd += 5) {
            double previous = -1;
            for (int missed = 0; missed <= 8; missed++) {
                CustomerRisk r = CustomerRisk.fresh(UUID.randomUUID());
                r.daysPastDue = dpd;
                r.consecutiveMissed = missed;
                double score = scorecard.score(r).involuntary();
                assertTrue(score >= previous, "missed " + missed + " at dpd " + dpd);
                previous = score;
            }
        }
    }

    @Test
    void scoreIsTheLogisticOfTheWeightedFeatures() {
        CustomerRisk r = CustomerRisk.fresh(UUID.randomUUID());
        r.daysPastDue = 30;
        r.consecutiveMissed = 1;
        // logit = -3 + 1.5 x 1 + 1.2 x 1 = -0.3
        assertEquals(1 / (1 + Math.exp(0.3)), scorecard.score(r).involuntary(), 1e-12);
    }

    @Test
    void reasonsAreTheTopContributingFeaturesInPlainWords() {
        CustomerRisk r = CustomerRisk.fresh(UUID.randomUUID());
        r.consecutiveMissed = 3; // 3.6
        r.creditScoreChange = -85; // 0.8 x 1.7 = 1.36
        r.daysPastDue = 10; // 0.5
        r.hardshipContacts = 1; // 0.9
        RiskScores scores = scorecard.score(r);
        assertEquals(3, scores.involuntaryReasons().size());
        assertEquals("3 consecutive missed installments", scores.involuntaryReasons().get(0).text());
        assertEquals("credit score fell 85 points", scores.involuntaryReasons().get(1).text());
        assertEquals("reported financial hardship once", scores.involuntaryReasons().get(2).text());

        r.payoffInquiries = 2;
        r.loanRate = new BigDecimal("0.09");
        RiskScores voluntary = scorecard.score(r);
        assertEquals("asked for a payoff quote twice", voluntary.voluntaryReasons().get(0).text());
        assertEquals("loan rate 4.00 points above the market rate", voluntary.voluntaryReasons().get(1).text());
        assertEquals("test-v1", voluntary.modelVersion());
    }

    @Test
    void aNegativeRiskWeightIsRefusedAtStartUp() {
        Map<String, Double> bad = new HashMap<>(INVOLUNTARY);
        bad.put("consecutive-missed", -0.5);
        assertThrows(IllegalStateException.class, () -> new Scorecard(config(bad, VOLUNTARY)));
        Map<String, Double> unknown = new HashMap<>(INVOLUNTARY);
        unknown.put("sex", 1.0);
        assertThrows(IllegalStateException.class, () -> new Scorecard(config(unknown, VOLUNTARY)),
                "only declared features can be weighted: protected attributes are not features");
    }
}
