package com.lendkeep.risk.scoring;

import java.util.List;

/** Probabilities of involuntary and voluntary churn, with their top reasons and the model that gave them. */
public record RiskScores(double involuntary, List<Reason> involuntaryReasons, double voluntary, List<Reason> voluntaryReasons,
        String modelVersion) {

    /** The probability of either kind of churn, taking the two as independent. */
    public double combined() {
        return 1.0 - (1.0 - involuntary) * (1.0 - voluntary);
    }
}
