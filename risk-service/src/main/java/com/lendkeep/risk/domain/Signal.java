package com.lendkeep.risk.domain;

import java.util.Map;

/** The decaying signals, with the half-life each has unless {@code risk.signals.half-life-days.<key>} says otherwise. */
public enum Signal {
    PAYOFF_QUOTES("payoff-quotes", 60),
    /** Share of the principal then outstanding that a partial prepayment repaid ahead of schedule. */
    PREPAID_SHARE("prepaid-share", 90),
    PAYOFF_INQUIRIES("payoff-inquiries", 60),
    COMPETITOR_MENTIONS("competitor-mentions", 60),
    RATE_COMPLAINTS("rate-complaints", 90),
    SERVICE_COMPLAINTS("service-complaints", 90),
    LOW_SATISFACTION("low-satisfaction", 90),
    HARDSHIP("hardship-contacts", 90);

    private final String key;
    private final double defaultHalfLifeDays;

    Signal(String key, double defaultHalfLifeDays) {
        this.key = key;
        this.defaultHalfLifeDays = defaultHalfLifeDays;
    }

    public String key() {
        return key;
    }

    public double halfLifeDays(Map<String, Double> configured) {
        return configured.getOrDefault(key, defaultHalfLifeDays);
    }
}
