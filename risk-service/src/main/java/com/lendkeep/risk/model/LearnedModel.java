package com.lendkeep.risk.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import com.lendkeep.risk.scoring.Reason;

/**
 * A trained Tribuo classifier with what it needs to explain itself and to say what it never learned.
 * Reasons come from the model's own per-input contributions for the customer ({@link Contributions});
 * inputs that were constant in its training data are reported by {@link #learned(String)} so that the
 * scorecard keeps acting on them (docs/risk-model.md, "combination rule").
 */
public final class LearnedModel {

    public static final String CHURNED = "churned";
    public static final String RETAINED = "retained";
    private static final int TOP_REASONS = 3;
    /** Inputs computed from the repayment periods come first in the vector (FeatureVector): said only of customers who have records. */
    private static final int PERIOD_INPUTS = FeatureVector.NAMES.indexOf("credit_score_drop_90d");

    private final String version;
    private final Model<Label> model;
    private final String[] names;
    private final double[] means;
    private final Map<String, ColumnStats> stats = new HashMap<>();

    /** {@code stats} null for a model stored before they were kept: then every input counts as learned, means are the medians. */
    public LearnedModel(String version, Model<Label> model, List<String> names, double[] medians, List<ColumnStats> stats) {
        this.version = version;
        this.model = model;
        this.names = names.toArray(String[]::new);
        this.means = medians.clone();
        if (stats != null) {
            for (int j = 0; j < stats.size(); j++) {
                this.stats.put(stats.get(j).name(), stats.get(j));
                this.means[j] = stats.get(j).mean();
            }
        }
    }

    public String version() {
        return version;
    }

    public Model<Label> tribuoModel() {
        return model;
    }

    /** Whether the model could learn from input {@code name}: known to it and not constant in its training data. */
    public boolean learned(String name) {
        if (name == null || model.getFeatureIDMap().getID(name) < 0) {
            return false;
        }
        ColumnStats s = stats.get(name);
        return s == null || !s.constant();
    }

    public record Scored(double probability, List<Reason> reasons) {
    }

    /** Probabilities of churn, one per vector, in one batch. */
    public double[] probabilities(List<double[]> vectors) {
        List<Example<Label>> examples = new ArrayList<>(vectors.size());
        for (double[] v : vectors) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, v));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] p = new double[predictions.size()];
        for (int i = 0; i < p.length; i++) {
            Label churned = predictions.get(i).getOutputScores().get(CHURNED);
            p[i] = churned == null ? 0.0 : churned.getScore();
        }
        return p;
    }

    /**
     * Scores with reasons: the inputs that raised this customer's log-odds most, in plain words. Inputs
     * from repayment periods are not given as reasons for a customer without any ({@code hasRecords}
     * false): their values are padding, not facts about the customer.
     */
    public List<Scored> score(List<double[]> vectors, List<Boolean> hasRecords) {
        double[] p = probabilities(vectors);
        double[][] contributions = Contributions.of(model, names, means, vectors);
        List<Scored> result = new ArrayList<>(vectors.size());
        for (int c = 0; c < vectors.size(); c++) {
            double[] v = vectors.get(c);
            List<Reason> reasons = new ArrayList<>();
            if (contributions != null) {
                for (int j = 0; j < names.length; j++) {
                    if (contributions[c][j] > 0.01 && (j >= PERIOD_INPUTS || hasRecords.get(c))) {
                        reasons.add(new Reason(names[j], contributions[c][j], FeatureVector.reason(j, v[j])));
                    }
                }
            }
            reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
            result.add(new Scored(p[c], List.copyOf(reasons.subList(0, Math.min(TOP_REASONS, reasons.size())))));
        }
        return result;
    }

    /** Population stability of each input for {@code vectors} against the training data; empty for a model without stats. */
    public Map<String, Double> psi(List<double[]> vectors) {
        Map<String, Double> psi = new java.util.LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            ColumnStats s = stats.get(names[j]);
            if (s == null) {
                continue;
            }
            double[] column = new double[vectors.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = vectors.get(i)[j];
            }
            psi.put(names[j], s.psi(column));
        }
        return psi;
    }
}
