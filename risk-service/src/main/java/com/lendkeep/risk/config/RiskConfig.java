package com.lendkeep.risk.config;

import java.util.Map;

import com.lendkeep.risk.domain.RiskLevel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "risk")
public interface RiskConfig {

    Scorecard scorecard();

    Levels levels();

    SignalSettings signals();

    Rescore rescore();

    interface Rescore {
        /** A customer is re-scored without an event once time may have moved its log-odds this much. */
        @WithDefault("0.25")
        double minLogitChange();

        /** How often the scheduled re-score runs (read by RescoreJob's @Scheduled). */
        @WithDefault("60s")
        String every();

        /** Customers re-scored per transaction of the scheduled re-score. */
        @WithDefault("500")
        int batchSize();

        /** At most this many batches per run (the rest waits for the next run). */
        @WithDefault("20")
        int maxBatchesPerRun();
    }

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

        /** An open alert's level is lowered only when the score is below that level's threshold minus this margin... */
        @WithDefault("0.05")
        double margin();

        /** ...for this many scorings in a row... */
        @WithDefault("2")
        int lowerAfterScorings();

        /** ...or for this many business days (0: by scorings only). */
        @WithDefault("7")
        int lowerAfterDays();
    }

    interface SignalSettings {
        /** Half-life in days of each decaying signal, by signal key (docs/risk-model.md). */
        Map<String, Double> halfLifeDays();

        /** How far back a bureau's highest score counts for the credit-score fall. */
        @WithDefault("365")
        int creditWindowDays();

        /** A loan this many months or fewer from maturity counts as nearing maturity. */
        @WithDefault("6")
        int maturityMonths();

        /** A score point is kept in the history only when a score moved at least this much (or a level changed). */
        @WithDefault("0.01")
        double historyMinChange();
    }
}
