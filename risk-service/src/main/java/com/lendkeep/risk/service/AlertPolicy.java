package com.lendkeep.risk.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.RiskLevel;

/** Score to level, and when an alert opens or clears (hysteresis). */
@ApplicationScoped
public class AlertPolicy {

    private final RiskConfig.Levels levels;

    public AlertPolicy(RiskConfig config) {
        this.levels = config.levels();
        if (!(levels.clearBelow() < levels.medium() && levels.medium() < levels.high() && levels.high() < levels.critical())) {
            throw new IllegalStateException("risk.levels must satisfy clear-below < medium < high < critical");
        }
    }

    public RiskLevel levelOf(double score) {
        if (score >= levels.critical()) {
            return RiskLevel.CRITICAL;
        }
        if (score >= levels.high()) {
            return RiskLevel.HIGH;
        }
        return score >= levels.medium() ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    public boolean raises(RiskLevel level) {
        return level.compareTo(levels.alertFrom()) >= 0;
    }

    public boolean clears(double score) {
        return score < levels.clearBelow();
    }
}
