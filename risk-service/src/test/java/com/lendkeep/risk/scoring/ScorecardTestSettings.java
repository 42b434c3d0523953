package com.lendkeep.risk.scoring;

import com.lendkeep.risk.config.RiskConfig;

/** The signal settings of the unit tests (default half-lives, 365-day credit window, 6 months to maturity). */
public final class ScorecardTestSettings {
    public static final RiskConfig.SignalSettings SETTINGS = ScorecardTest.SETTINGS;

    private ScorecardTestSettings() {
    }
}
