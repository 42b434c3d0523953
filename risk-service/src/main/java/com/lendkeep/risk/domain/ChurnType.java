package com.lendkeep.risk.domain;

public enum ChurnType {
    /** Distress: missed payments, default, charge-off. */
    INVOLUNTARY,
    /** A good customer leaving: payoff, refinancing elsewhere. */
    VOLUNTARY
}
