package com.lendkeep.risk.api;

import java.util.List;

import com.lendkeep.risk.model.ModelTrainer;

/**
 * A candidate model's hold-out metrics next to the active one's (the champion; null when the scorecard
 * scores, which has no hold-out), and whether the candidate is worse: lower AUC or higher Brier score.
 */
public record ModelComparison(Side candidate, Side champion, boolean worse, String verdict) {

    public record Side(String version, double auc, Double brier, List<ModelTrainer.Decile> calibration) {
    }
}
