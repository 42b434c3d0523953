package com.lendkeep.risk.scoring;

import com.lendkeep.risk.domain.CustomerRisk;

/** Anything that turns a customer's features into churn probabilities with reasons. */
public interface ChurnModel {
    RiskScores score(CustomerRisk risk);

    String version();
}
