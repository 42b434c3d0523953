package com.lendkeep.risk.scoring;

/** Anything that turns a customer's features into churn probabilities with reasons. */
public interface ChurnModel {
    RiskScores score(RiskInputs inputs);

    String version();
}
