package com.lendkeep.risk.model;

public enum Algorithm {
    LOGISTIC_REGRESSION, GRADIENT_BOOSTED_TREES
}
