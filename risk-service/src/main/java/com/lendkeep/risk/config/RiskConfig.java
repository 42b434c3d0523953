package com.lendkeep.risk.config;

import java.util.Map;

import com.lendkeep.risk.domain.RiskLevel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "risk")
public interface RiskConfig {

    Scorecard scorecard();

    Levels levels();

    interface Scorecard {
        /** Stated on every score and alert. */
        @WithDefault("scorecard-v1")
        String version();

        /** Logistic weights by feature key ({@code intercept} included), see docs/risk-model.md. */
        Map<String, Double> involuntary();

        Map<String, Double> voluntary();

        /** The market rate a loan's rate is compared with (annual, as a fraction). */
        @WithDefault("0.05")
        double marketRate();
    }

    interface Levels {
        @WithDefault("0.30")
        double medium();

        @WithDefault("0.50")
        double high();

        @WithDefault("0.75")
        double critical();

        /** An open alert clears only below this score (lower than {@code medium}: hysteresis). */
        @WithDefault("0.20")
        double clearBelow();

        /** The lowest level that raises an alert. */
        @WithDefault("MEDIUM")
        RiskLevel alertFrom();
    }
}
