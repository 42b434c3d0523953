package com.lendkeep.risk.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.ChurnType;

/**
 * The transparent model that works out of the box: two logistic scorecards whose weights are
 * configuration ({@code risk.scorecard.*}). Weights of risk features must be non-negative, so that
 * more missed payments can never lower the risk (checked at start-up).
 */
@ApplicationScoped
public class Scorecard implements ChurnModel {

    static final String INTERCEPT = "intercept";
    private static final int TOP_REASONS = 3;
    private static final Feature[] FEATURES = Feature.values(); // values() copies the array on every call

    private final RiskConfig.Scorecard config;
    /** Each feature's weight (0 when not configured), by {@link Feature#ordinal()}: looked up once, not per customer. */
    private final double[] weights;

    public Scorecard(RiskConfig config) {
        this.config = config.scorecard();
        validate(this.config.involuntary(), ChurnType.INVOLUNTARY);
        validate(this.config.voluntary(), ChurnType.VOLUNTARY);
        this.weights = new double[Feature.values().length];
        for (Feature f : Feature.values()) {
            Map<String, Double> typed = f.churnType() == ChurnType.INVOLUNTARY ? this.config.involuntary() : this.config.voluntary();
            weights[f.ordinal()] = typed.getOrDefault(f.key(), 0.0);
        }
    }

    @Override
    public String version() {
        return config.version();
    }

    @Override
    public RiskScores score(RiskInputs in) {
        List<Reason> involuntary = contributions(in, ChurnType.INVOLUNTARY, f -> true);
        List<Reason> voluntary = contributions(in, ChurnType.VOLUNTARY, f -> true);
        return new RiskScores(
                sigmoid(config.involuntary().get(INTERCEPT) + sum(involuntary)), top(involuntary), config.version(),
                sigmoid(config.voluntary().get(INTERCEPT) + sum(voluntary)), top(voluntary), config.version());
    }

    /** Each feature of {@code type} that {@code included} accepts, with its weight x value (zero ones left out). */
    public List<Reason> contributions(RiskInputs in, ChurnType type, java.util.function.Predicate<Feature> included) {
        List<Reason> reasons = new ArrayList<>();
        for (Feature f : FEATURES) {
            if (f.churnType() != type || !included.test(f)) {
                continue;
            }
            double x = f.value(in);
            double w = weights[f.ordinal()];
            if (x != 0.0 && w != 0.0) {
                reasons.add(new Reason(f.key(), w * x, f.reason(in)));
            }
        }
        return reasons;
    }

    public double intercept(ChurnType type) {
        return (type == ChurnType.INVOLUNTARY ? config.involuntary() : config.voluntary()).get(INTERCEPT);
    }

    static double sum(List<Reason> reasons) {
        return reasons.stream().mapToDouble(Reason::contribution).sum();
    }

    static List<Reason> top(List<Reason> reasons) {
        return reasons.stream().filter(r -> r.contribution() > 0)
                .sorted(Comparator.comparingDouble(Reason::contribution).reversed()).limit(TOP_REASONS).toList();
    }

    public static double sigmoid(double logit) {
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    private static void validate(Map<String, Double> weights, ChurnType type) {
        if (!weights.containsKey(INTERCEPT)) {
            throw new IllegalStateException("risk.scorecard." + type.name().toLowerCase() + ".intercept is missing");
        }
        for (var e : weights.entrySet()) {
            if (e.getKey().equals(INTERCEPT)) {
                continue;
            }
            boolean known = java.util.Arrays.stream(Feature.values())
                    .anyMatch(f -> f.churnType() == type && f.key().equals(e.getKey()));
            if (!known) {
                throw new IllegalStateException("risk.scorecard." + type.name().toLowerCase() + "." + e.getKey() + " is not a "
                        + type + " feature");
            }
            if (e.getValue() < 0) {
                throw new IllegalStateException("risk.scorecard." + type.name().toLowerCase() + "." + e.getKey()
                        + " must be >= 0: a risk feature may not lower the risk");
            }
        }
    }
}
