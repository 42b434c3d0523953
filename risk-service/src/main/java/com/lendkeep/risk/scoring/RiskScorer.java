package com.lendkeep.risk.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.FeatureVector;
import com.lendkeep.risk.model.LearnedModel;
import com.lendkeep.risk.model.ModelRegistry;
import com.lendkeep.risk.service.CustomerState;

/**
 * Scores customers with the active model of each churn type: a learned model when one is active,
 * the configured scorecard otherwise. A challenger, when there is one, scores the same customers
 * in the shadow; its score is kept beside the real one and changes nothing.
 */
@ApplicationScoped
public class RiskScorer {

    public record Result(RiskScores scores, BigDecimal challengerScore, String challengerVersion) {
    }

    private final Scorecard scorecard;
    private final ModelRegistry registry;
    private final double marketRate;

    public RiskScorer(Scorecard scorecard, ModelRegistry registry, RiskConfig config) {
        this.scorecard = scorecard;
        this.registry = registry;
        this.marketRate = config.scorecard().marketRate();
    }

    public List<Result> score(List<CustomerState> states) {
        List<RiskScores> base = states.stream().map(s -> scorecard.score(s.risk)).toList();
        List<double[]> vectors = null;
        double[] involuntary = null;
        List<List<Reason>> involuntaryReasons = null;
        String involuntaryVersion = null;
        Optional<LearnedModel> active = registry.active(ChurnType.INVOLUNTARY);
        if (active.isPresent()) {
            vectors = vectors(states);
            List<LearnedModel.Scored> scored = active.get().score(vectors);
            involuntary = scored.stream().mapToDouble(LearnedModel.Scored::probability).toArray();
            involuntaryReasons = scored.stream().map(LearnedModel.Scored::reasons).toList();
            involuntaryVersion = active.get().version();
        }
        double[] voluntary = null;
        List<List<Reason>> voluntaryReasons = null;
        String voluntaryVersion = null;
        Optional<LearnedModel> activeVoluntary = registry.active(ChurnType.VOLUNTARY);
        if (activeVoluntary.isPresent()) {
            vectors = vectors != null ? vectors : vectors(states);
            List<LearnedModel.Scored> scored = activeVoluntary.get().score(vectors);
            voluntary = scored.stream().mapToDouble(LearnedModel.Scored::probability).toArray();
            voluntaryReasons = scored.stream().map(LearnedModel.Scored::reasons).toList();
            voluntaryVersion = activeVoluntary.get().version();
        }
        Optional<LearnedModel> challenger = registry.challenger(ChurnType.INVOLUNTARY);
        double[] shadow = null;
        if (challenger.isPresent()) {
            vectors = vectors != null ? vectors : vectors(states);
            shadow = challenger.get().probabilities(vectors);
        }
        List<Result> results = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            RiskScores s = base.get(i);
            RiskScores combined = new RiskScores(
                    involuntary != null ? involuntary[i] : s.involuntary(),
                    involuntaryReasons != null ? involuntaryReasons.get(i) : s.involuntaryReasons(),
                    involuntaryVersion != null ? involuntaryVersion : s.involuntaryModel(),
                    voluntary != null ? voluntary[i] : s.voluntary(),
                    voluntaryReasons != null ? voluntaryReasons.get(i) : s.voluntaryReasons(),
                    voluntaryVersion != null ? voluntaryVersion : s.voluntaryModel());
            results.add(new Result(combined, shadow == null ? null : BigDecimal.valueOf(shadow[i]).setScale(6, java.math.RoundingMode.HALF_UP),
                    challenger.map(LearnedModel::version).orElse(null)));
        }
        return results;
    }

    public List<double[]> vectors(List<CustomerState> states) {
        return states.stream().map(s -> FeatureVector.compute(s.risk, s.periods, s.scores, marketRate)).toList();
    }
}
