package com.lendkeep.risk.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.RiskLevel;
import com.lendkeep.risk.service.CustomerState;

class ScorecardTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 11);

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

                    public double margin() {
                        return 0.05;
                    }

                    public int lowerAfterScorings() {
                        return 2;
                    }

                    public int lowerAfterDays() {
                        return 7;
                    }
                };
            }

            public SignalSettings signals() {
                return SETTINGS;
            }

            public Rescore rescore() {
                return new Rescore() {
                    public String every() {
                        return "60s";
                    }

                    public double minLogitChange() {
                        return 0.25;
                    }

                    public int batchSize() {
                        return 500;
                    }

                    public int maxBatchesPerRun() {
                        return 20;
                    }
                };
            }
        };
    }

    static final RiskConfig.SignalSettings SETTINGS = new RiskConfig.SignalSettings() {
        public Map<String, Double> halfLifeDays() {
            return Map.of();
        }

        public int creditWindowDays() {
            return 365;
        }

        public int maturityMonths() {
            return 6;
        }

        public double historyMinChange() {
            return 0.01;
        }
    };

    static final Map<String, Double> INVOLUNTARY = Map.of("intercept", -3.0, "days-past-due", 1.5, "consecutive-missed", 1.2,
            "credit-score-drop", 0.8, "credit-score-falls", 0.3, "hardship-contacts", 0.9, "late-payment-share", 1.5);
    static final Map<String, Double> VOLUNTARY = Map.of("intercept", -3.5, "payoff-inquiries", 1.5, "competitor-mentions", 1.4,
            "rate-complaints", 0.9, "service-complaints", 0.6, "low-satisfaction", 0.4, "rate-above-market", 0.3,
            "payoff-quotes", 1.6, "prepaid-share", 0.5, "nearing-maturity", 0.8);

    final Scorecard scorecard = new Scorecard(config(INVOLUNTARY, VOLUNTARY));

    static CustomerState state() {
        return new CustomerState(CustomerRisk.fresh(UUID.randomUUID()), List.of(), List.of());
    }

    static RiskInputs inputs(CustomerState s) {
        return RiskInputs.of(s, TODAY, SETTINGS, 0.05);
    }

    static CreditScorePoint point(String bureau, LocalDate date, int score) {
        CreditScorePoint p = new CreditScorePoint();
        p.bureau = bureau;
        p.scoreDate = date;
        p.score = score;
        return p;
    }

    @Test
    void moreMissedPaymentsNeverLowerInvoluntaryRisk() {
        for (int dpd = 0; dpd <= 200; dpd += 5) {
            double previous = -1;
            for (int missed = 0; missed <= 8; missed++) {
                CustomerState s = state();
                LoanState loan = s.loan(UUID.randomUUID());
                loan.daysPastDue = dpd;
                loan.consecutiveMissed = missed;
                double score = scorecard.score(inputs(s)).involuntary();
                assertTrue(score >= previous, "missed " + missed + " at dpd " + dpd);
                previous = score;
            }
        }
    }

    @Test
    void scoreIsTheLogisticOfTheWeightedFeatures() {
        CustomerState s = state();
        LoanState loan = s.loan(UUID.randomUUID());
        loan.daysPastDue = 30;
        loan.consecutiveMissed = 1;
        // logit = -3 + 1.5 x 1 + 1.2 x 1 = -0.3
        assertEquals(1 / (1 + Math.exp(0.3)), scorecard.score(inputs(s)).involuntary(), 1e-12);
    }

    @Test
    void theWorstLoanDrivesArrearsAndAPaidLoanDoesNotHideIt() {
        CustomerState s = state();
        LoanState current = s.loan(UUID.randomUUID());
        LoanState late = s.loan(UUID.randomUUID());
        late.daysPastDue = 61;
        late.delinquentSince = TODAY.minusDays(75);
        late.consecutiveMissed = 3;
        current.bringCurrent();
        RiskInputs in = inputs(s);
        // the late loan's oldest unpaid installment is 75 days old on the business date
        assertEquals(75, in.daysPastDue());
        assertEquals(late.loanId, in.worstLoanId());
        assertEquals(3, in.consecutiveMissed());
    }

    @Test
    void reasonsAreTheTopContributingFeaturesInPlainWords() {
        CustomerState s = state();
        LoanState loan = s.loan(UUID.randomUUID());
        loan.consecutiveMissed = 3; // 3.6
        loan.daysPastDue = 10; // 0.5
        loan.annualRate = new BigDecimal("0.09");
        s.scores.add(point("EQUIFAX", TODAY.minusDays(100), 720));
        s.scores.add(point("EQUIFAX", TODAY.minusDays(10), 635)); // 85 points: 0.8 x 1.7 = 1.36, 1 fall: 0.3
        s.signals.add("hardship-contacts", 1, TODAY, 90); // 0.9
        RiskScores scores = scorecard.score(inputs(s));
        assertEquals(3, scores.involuntaryReasons().size());
        assertEquals("3 consecutive missed installments", scores.involuntaryReasons().get(0).text());
        assertEquals("EQUIFAX score fell 85 points from its high of 720 in 365 days", scores.involuntaryReasons().get(1).text());
        assertEquals("reported financial hardship once, last on 2027-03-11", scores.involuntaryReasons().get(2).text());

        s.signals.add("payoff-inquiries", 1, TODAY.minusDays(1), 60);
        s.signals.add("payoff-inquiries", 1, TODAY, 60);
        RiskScores voluntary = scorecard.score(inputs(s));
        assertEquals("asked about paying off the loan twice, last on 2027-03-11", voluntary.voluntaryReasons().get(0).text());
        assertEquals("loan rate 4.00 points above the market rate", voluntary.voluntaryReasons().get(1).text());
        assertEquals("test-v1", voluntary.modelVersion());
    }

    @Test
    void aPayoffQuoteAndAPartialPrepaymentRaiseVoluntaryRisk() {
        CustomerState s = state();
        double before = scorecard.score(inputs(s)).voluntary();
        s.signals.add("payoff-quotes", 1, TODAY, 60);
        // 10,000 prepaid of 50,000 outstanding before it: 20 % -> 2 x 0.5 = 1.0; the quote 1.6
        s.signals.add("prepaid-share", 10_000.0 / 50_000.0, TODAY, 90);
        RiskScores after = scorecard.score(inputs(s));
        assertEquals(1 / (1 + Math.exp(-(-3.5 + 1.6 + 1.0))), after.voluntary(), 1e-12);
        assertTrue(after.voluntary() > before);
        assertEquals("requested a payoff quote once, last on 2027-03-11", after.voluntaryReasons().get(0).text());
        assertEquals("prepaid 20% of the principal ahead of schedule (last on 2027-03-11)", after.voluntaryReasons().get(1).text());
    }

    @Test
    void signalsFadeWithTheirHalfLife() {
        CustomerState s = state();
        s.signals.add("payoff-quotes", 1, TODAY.minusDays(60), 60);
        assertEquals(0.5, inputs(s).signal(com.lendkeep.risk.domain.Signal.PAYOFF_QUOTES), 1e-12);
        s.signals.add("payoff-quotes", 1, TODAY.minusDays(120), 60); // an older event arriving late: 0.25 on top
        assertEquals(0.75, inputs(s).signal(com.lendkeep.risk.domain.Signal.PAYOFF_QUOTES), 1e-12);
    }

    @Test
    void aSmallTickCannotClearACollapseAndBureausAreNeverCompared() {
        CustomerState s = state();
        s.scores.add(point("EQUIFAX", TODAY.minusDays(40), 740));
        s.scores.add(point("EQUIFAX", TODAY.minusDays(20), 540));
        s.scores.add(point("EQUIFAX", TODAY.minusDays(1), 545));
        RiskInputs in = inputs(s);
        assertEquals(195, in.creditFall(), "fall from the 12-month high, not the last change");
        assertEquals(1, in.creditFalls());

        CustomerState two = state();
        two.scores.add(point("EQUIFAX", TODAY.minusDays(20), 760));
        two.scores.add(point("EXPERIAN", TODAY.minusDays(1), 690));
        assertEquals(0, inputs(two).creditFall(), "EQUIFAX 760 then EXPERIAN 690 is no fall");
        assertTrue(scorecard.score(inputs(two)).involuntaryReasons().isEmpty());
    }

    @Test
    void creditFallIsEachBureausOwnHighMinusItsLatestInTheWindow() {
        Random random = new Random(11);
        String[] bureaus = {"EQUIFAX", "EXPERIAN", "TRANSUNION"};
        for (int round = 0; round < 300; round++) {
            CustomerState s = state();
            for (int k = 0; k < 1 + random.nextInt(12); k++) {
                String bureau = bureaus[random.nextInt(3)];
                LocalDate date = TODAY.minusDays(random.nextInt(500));
                if (s.scores.stream().noneMatch(p -> p.bureau.equals(bureau) && p.scoreDate.equals(date))) {
                    s.scores.add(point(bureau, date, 300 + random.nextInt(551)));
                }
            }
            // oracle: per bureau, points of the last 365 days, high minus the latest; the largest of the bureaus
            int expected = 0;
            for (String b : bureaus) {
                List<CreditScorePoint> in = new ArrayList<>(s.scores.stream().filter(p -> p.bureau.equals(b)
                        && !p.scoreDate.isBefore(TODAY.minusDays(365))).toList());
                if (in.isEmpty()) {
                    continue;
                }
                in.sort((x, y) -> x.scoreDate.compareTo(y.scoreDate));
                int high = in.stream().mapToInt(p -> p.score).max().orElseThrow();
                expected = Math.max(expected, high - in.get(in.size() - 1).score);
            }
            assertEquals(expected, inputs(s).creditFall(), "round " + round);
        }
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
