package com.lendkeep.risk.scoring;

import java.util.List;

/**
 * Probabilities of involuntary and voluntary churn, each with its top reasons and the model that
 * gave it.
 */
public record RiskScores(double involuntary, List<Reason> involuntaryReasons, String involuntaryModel,
        double voluntary, List<Reason> voluntaryReasons, String voluntaryModel) {

    /** The probability of either kind of churn, taking the two as independent. */
    public double combined() {
        return 1.0 - (1.0 - involuntary) * (1.0 - voluntary);
    }

    /** One name when one model gave both scores, both names otherwise. */
    public String modelVersion() {
        return involuntaryModel.equals(voluntaryModel) ? involuntaryModel
                : "involuntary:" + involuntaryModel + ",voluntary:" + voluntaryModel;
    }
}
