package com.lendkeep.risk.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import com.lendkeep.risk.scoring.Reason;

/**
 * A trained Tribuo classifier with what it needs to explain itself: reason codes come from
 * setting each feature back to its training median and seeing how much the probability falls
 * (model-agnostic; exact enough for the top three).
 */
public final class LearnedModel {

    public static final String CHURNED = "churned";
    public static final String RETAINED = "retained";
    private static final int TOP_REASONS = 3;

    private final String version;
    private final Model<Label> model;
    private final String[] names;
    private final double[] baseline;

    public LearnedModel(String version, Model<Label> model, List<String> names, double[] baseline) {
        this.version = version;
        this.model = model;
        this.names = names.toArray(String[]::new);
        this.baseline = baseline;
    }

    public String version() {
        return version;
    }

    public Model<Label> tribuoModel() {
        return model;
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

    /** Scores with reasons; all the what-if variants of all vectors go to the model in one batch. */
    public List<Scored> score(List<double[]> vectors) {
        List<double[]> rows = new ArrayList<>();
        List<int[]> variantsOf = new ArrayList<>();
        for (double[] v : vectors) {
            rows.add(v);
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                if (v[i] != baseline[i]) {
                    double[] what = v.clone();
                    what[i] = baseline[i];
                    rows.add(what);
                    changed.add(i);
                }
            }
            variantsOf.add(changed.stream().mapToInt(Integer::intValue).toArray());
        }
        double[] p = probabilities(rows);
        List<Scored> result = new ArrayList<>(vectors.size());
        int at = 0;
        for (int c = 0; c < vectors.size(); c++) {
            double base = p[at++];
            double[] v = vectors.get(c);
            List<Reason> reasons = new ArrayList<>();
            for (int feature : variantsOf.get(c)) {
                double contribution = base - p[at++];
                if (contribution > 0.005) {
                    reasons.add(new Reason(names[feature], contribution, FeatureVector.reason(feature, v[feature])));
                }
            }
            reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
            result.add(new Scored(base, List.copyOf(reasons.subList(0, Math.min(TOP_REASONS, reasons.size())))));
        }
        return result;
    }
}
