package com.lendkeep.risk.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.FeatureVector;
import com.lendkeep.risk.model.LearnedModel;
import com.lendkeep.risk.model.ModelRegistry;
import com.lendkeep.risk.service.BusinessCalendar;
import com.lendkeep.risk.service.CustomerState;

/**
 * Scores customers with the active model of each churn type: the configured scorecard, or a learned
 * model combined with the scorecard's terms for every signal the learned model could not learn
 * (absent from its inputs or constant in its training data):
 * {@code logit = logit(p_model) + sum of those scorecard terms} (docs/risk-model.md). A challenger of
 * either churn type scores the same customers in the shadow, combined the same way; its score is kept
 * beside the champion's and changes nothing.
 */
@ApplicationScoped
public class RiskScorer {

    /** Scores, the inputs they came from, and the challengers' shadow scores (null when none). */
    public record Result(RiskScores scores, RiskInputs inputs, BigDecimal involuntaryChallenger, BigDecimal voluntaryChallenger,
            String challengerVersion) {
    }

    private record Typed(double probability, List<Reason> reasons, String version) {
    }

    private final Scorecard scorecard;
    private final ModelRegistry registry;
    private final BusinessCalendar calendar;
    private final RiskConfig config;

    public RiskScorer(Scorecard scorecard, ModelRegistry registry, BusinessCalendar calendar, RiskConfig config) {
        this.scorecard = scorecard;
        this.registry = registry;
        this.calendar = calendar;
        this.config = config;
    }

    public List<RiskInputs> inputs(List<CustomerState> states) {
        return states.stream().map(s -> RiskInputs.of(s, calendar.today(s.risk), config.signals(), config.scorecard().marketRate()))
                .toList();
    }

    public List<Result> score(List<CustomerState> states) {
        List<RiskInputs> inputs = inputs(states);
        List<double[]> vectors = null;
        List<List<Typed>> byType = new ArrayList<>();
        List<List<Typed>> shadows = new ArrayList<>();
        String challengerVersion = null;
        for (ChurnType type : ChurnType.values()) {
            Optional<LearnedModel> active = registry.active(type);
            Optional<LearnedModel> challenger = registry.challenger(type);
            if ((active.isPresent() || challenger.isPresent()) && vectors == null) {
                vectors = vectors(states, inputs);
            }
            byType.add(active.isPresent() ? combined(active.get(), type, states, inputs, vectors) : scorecardOnly(type, inputs));
            shadows.add(challenger.isPresent() ? combined(challenger.get(), type, states, inputs, vectors) : null);
            if (challenger.isPresent()) {
                challengerVersion = challengerVersion == null ? challenger.get().version()
                        : challengerVersion + "," + challenger.get().version();
            }
        }
        List<Result> results = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            Typed inv = byType.get(0).get(i);
            Typed vol = byType.get(1).get(i);
            results.add(new Result(new RiskScores(inv.probability(), inv.reasons(), inv.version(), vol.probability(), vol.reasons(),
                    vol.version()), inputs.get(i), shadow(shadows.get(0), i), shadow(shadows.get(1), i), challengerVersion));
        }
        return results;
    }

    private List<Typed> scorecardOnly(ChurnType type, List<RiskInputs> inputs) {
        List<Typed> out = new ArrayList<>(inputs.size());
        for (RiskInputs in : inputs) {
            List<Reason> terms = scorecard.contributions(in, type, f -> true);
            out.add(new Typed(Scorecard.sigmoid(scorecard.intercept(type) + Scorecard.sum(terms)), Scorecard.top(terms),
                    scorecard.version()));
        }
        return out;
    }

    /** The learned model's log-odds plus the scorecard's terms for the signals it did not learn; reasons from both. */
    private List<Typed> combined(LearnedModel model, ChurnType type, List<CustomerState> states, List<RiskInputs> inputs,
            List<double[]> vectors) {
        List<LearnedModel.Scored> scored = model.score(vectors, states.stream().map(s -> !s.periods.isEmpty()).toList());
        List<Typed> out = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            List<Reason> unlearned = scorecard.contributions(inputs.get(i), type, f -> !model.learned(f.vectorName()));
            double p = Math.min(Math.max(scored.get(i).probability(), 1e-6), 1 - 1e-6);
            double logit = Math.log(p / (1 - p)) + Scorecard.sum(unlearned);
            List<Reason> reasons = Scorecard.top(Stream.concat(scored.get(i).reasons().stream(), unlearned.stream()).toList());
            out.add(new Typed(Scorecard.sigmoid(logit), reasons, model.version()));
        }
        return out;
    }

    private static BigDecimal shadow(List<Typed> typed, int i) {
        return typed == null ? null : BigDecimal.valueOf(typed.get(i).probability()).setScale(6, RoundingMode.HALF_UP);
    }

    public List<double[]> vectors(List<CustomerState> states) {
        return vectors(states, inputs(states));
    }

    /** The learned models' inputs of one customer as they were at the end of {@code day} (its state as loaded). */
    public double[] vectorOn(CustomerState state, java.time.LocalDate day) {
        return FeatureVector.compute(state, RiskInputs.of(state, day, config.signals(), config.scorecard().marketRate()));
    }

    private static List<double[]> vectors(List<CustomerState> states, List<RiskInputs> inputs) {
        List<double[]> out = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            out.add(FeatureVector.compute(states.get(i), inputs.get(i)));
        }
        return out;
    }
}
