package com.lendkeep.risk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A learned model's reasons are its own per-input contributions: they add up to the model's log-odds
 * (coefficients x deviations for logistic regression, TreeSHAP for gradient-boosted trees), so the
 * difference of two customers' log-odds equals the difference of their summed contributions. Inputs
 * that never varied in training are reported as not learned.
 */
class ContributionsTest {

    static final int DPD = FeatureVector.NAMES.indexOf("dpd_latest_months");
    static final int PAID = FeatureVector.NAMES.indexOf("paid_to_due_latest");
    static final int HARDSHIP = FeatureVector.NAMES.indexOf("hardship_contacts");

    static List<ModelTrainer.Row> rows() {
        Random random = new Random(3);
        List<ModelTrainer.Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double[] f = new double[FeatureVector.NAMES.size()];
            boolean churned = random.nextDouble() < 0.3;
            f[DPD] = churned ? random.nextInt(4) : random.nextInt(2) * random.nextInt(2);
            f[PAID] = churned ? random.nextDouble() : 0.5 + random.nextDouble();
            f[0] = Math.log1p(1000 + random.nextInt(50_000));
            rows.add(new ModelTrainer.Row(f, churned)); // hardship_contacts stays 0: constant, nothing to learn
        }
        return rows;
    }

    @Test
    void contributionsAddUpToTheLogOddsForBothAlgorithms() {
        List<ModelTrainer.Row> rows = rows();
        for (Algorithm algorithm : Algorithm.values()) {
            ModelTrainer.Result result = ModelTrainer.train(algorithm, rows, 5, 1);
            LearnedModel model = new LearnedModel("t", result.model(), FeatureVector.NAMES, result.baseline(), result.stats());
            List<double[]> two = List.of(rows.get(0).features(), rows.get(1).features(), rows.get(7).features());
            double[] p = model.probabilities(two);
            double[] means = result.stats().stream().mapToDouble(ColumnStats::mean).toArray();
            double[][] c = Contributions.of(result.model(), FeatureVector.NAMES.toArray(String[]::new), means, two);
            for (int k = 1; k < two.size(); k++) {
                double logOdds = Math.log(p[0] / (1 - p[0])) - Math.log(p[k] / (1 - p[k]));
                double summed = Arrays.stream(c[0]).sum() - Arrays.stream(c[k]).sum();
                assertEquals(logOdds, summed, 1e-3, algorithm + " customer " + k);
            }
            assertTrue(model.learned("dpd_latest_months"), algorithm.name());
            assertFalse(model.learned("hardship_contacts"), algorithm + ": constant in training");
            assertFalse(model.learned(null));
            assertEquals(0.0, c[0][HARDSHIP], 1e-9);
        }
    }

    @Test
    void aCustomerWithoutRecordsGetsNoReasonsFromPaddedPeriods() {
        ModelTrainer.Result result = ModelTrainer.train(Algorithm.LOGISTIC_REGRESSION, rows(), 5, 1);
        LearnedModel model = new LearnedModel("t", result.model(), FeatureVector.NAMES, result.baseline(), result.stats());
        double[] empty = new double[FeatureVector.NAMES.size()];
        LearnedModel.Scored scored = model.score(List.of(empty), List.of(false)).get(0);
        assertTrue(scored.reasons().stream().allMatch(r -> FeatureVector.NAMES.indexOf(r.code()) >= FeatureVector.NAMES
                .indexOf("credit_score_drop_90d")), scored.reasons().toString());
    }
}
