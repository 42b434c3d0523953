package com.lendkeep.retention.domain;

public enum Cohort {
    TREATMENT,
    /** Held out at random: no intervention, so that uplift can be measured. */
    CONTROL
}
