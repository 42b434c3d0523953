package com.lendkeep.risk.api;

import java.math.BigDecimal;
import java.util.UUID;

import com.lendkeep.risk.domain.RiskLevel;

/**
 * A customer's current scores only: what a caller reading many customers needs.
 *
 * @param challengerScore          the involuntary challenger's shadow score (null without one)
 * @param voluntaryChallengerScore the voluntary challenger's shadow score (null without one)
 */
public record ScoreResponse(UUID customerId, BigDecimal involuntaryScore, RiskLevel involuntaryLevel, BigDecimal voluntaryScore,
        RiskLevel voluntaryLevel, BigDecimal combinedScore, String modelVersion, BigDecimal challengerScore, String challengerVersion,
        BigDecimal voluntaryChallengerScore, String voluntaryChallengerVersion) {
}
