package com.lendkeep.risk.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.risk.domain.RiskLevel;

/**
 * @param reasons  the top contributing features of each score, in plain words
 * @param features the current feature values the scores were computed from
 */
public record RiskProfileResponse(UUID customerId, BigDecimal involuntaryScore, RiskLevel involuntaryLevel,
        BigDecimal voluntaryScore, RiskLevel voluntaryLevel, BigDecimal combinedScore, String modelVersion,
        List<ReasonView> reasons, Map<String, Object> features, List<ScorePoint> history, Instant updatedAt) {

    public record ReasonView(String code, double contribution, String text) {
    }

    /** One kept scoring: the champion's scores and, when challengers scored in the shadow, theirs. */
    @Schema(name = "RiskScorePoint", description = "One kept churn-risk scoring")
    public record ScorePoint(Instant scoredAt, String cause, BigDecimal involuntary, BigDecimal voluntary, BigDecimal combined,
            String modelVersion, BigDecimal involuntaryChallenger, BigDecimal voluntaryChallenger, String challengerVersion,
            java.time.LocalDate businessDate) {
    }
}
