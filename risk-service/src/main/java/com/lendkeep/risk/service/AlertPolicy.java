package com.lendkeep.risk.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.RiskLevel;

/**
 * Score to level, and how an open alert follows the score: up at once; down (to a lower level, or
 * cleared) only after the score has stayed below the alert level's threshold minus a margin for a
 * number of scorings in a row or a number of business days, whichever comes first (hysteresis).
 */
@ApplicationScoped
public class AlertPolicy {

    /** What to do with an open alert after a scoring. */
    public enum Move { ESCALATE, HOLD, LOWER, CLEAR }

    private final RiskConfig.Levels levels;

    public AlertPolicy(RiskConfig config) {
        this.levels = config.levels();
        if (!(levels.clearBelow() < levels.medium() && levels.medium() < levels.high() && levels.high() < levels.critical())) {
            throw new IllegalStateException("risk.levels must satisfy clear-below < medium < high < critical");
        }
        if (levels.margin() < 0 || levels.lowerAfterScorings() < 1 || levels.lowerAfterDays() < 0) {
            throw new IllegalStateException("risk.levels.margin must be >= 0, lower-after-scorings >= 1, lower-after-days >= 0");
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

    /** The lowest level an open alert can show (it clears rather than go below). */
    public RiskLevel lowestOpenLevel() {
        return levels.alertFrom();
    }

    public double threshold(RiskLevel level) {
        return switch (level) {
            case LOW -> 0.0;
            case MEDIUM -> levels.medium();
            case HIGH -> levels.high();
            case CRITICAL -> levels.critical();
        };
    }

    /**
     * Decides the move of {@code open} for {@code score} on {@code today}, updating its count of
     * scorings below (and the date it went below). {@code mayClear} is false while the loan is under
     * forbearance probation.
     */
    public Move decide(ChurnAlert open, double score, LocalDate today, boolean mayClear) {
        RiskLevel level = levelOf(score);
        if (level.compareTo(open.level) > 0) {
            resetBelow(open);
            return Move.ESCALATE;
        }
        boolean clearing = score < levels.clearBelow();
        boolean below = score < threshold(open.level) - levels.margin();
        if (!below && !clearing) {
            resetBelow(open);
            return Move.HOLD;
        }
        open.belowCount++;
        if (open.belowSince == null) {
            open.belowSince = today;
        }
        boolean held = open.belowCount >= levels.lowerAfterScorings()
                || (levels.lowerAfterDays() > 0 && ChronoUnit.DAYS.between(open.belowSince, today) >= levels.lowerAfterDays());
        if (!held) {
            return Move.HOLD;
        }
        if (clearing && mayClear) {
            return Move.CLEAR;
        }
        RiskLevel target = level.compareTo(lowestOpenLevel()) < 0 ? lowestOpenLevel() : level;
        if (target.compareTo(open.level) >= 0) {
            return Move.HOLD; // between clear-below and the lowest open level, or clearing held back by forbearance
        }
        resetBelow(open);
        return Move.LOWER;
    }

    public RiskLevel lowerTo(double score) {
        RiskLevel level = levelOf(score);
        return level.compareTo(lowestOpenLevel()) < 0 ? lowestOpenLevel() : level;
    }

    private static void resetBelow(ChurnAlert open) {
        open.belowCount = 0;
        open.belowSince = null;
    }
}
