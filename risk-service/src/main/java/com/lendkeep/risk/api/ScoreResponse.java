package com.lendkeep.risk.api;

import java.math.BigDecimal;
import java.util.UUID;

import com.lendkeep.risk.domain.RiskLevel;

/** A customer's current scores only: what a caller reading many customers needs. */
public record ScoreResponse(UUID customerId, BigDecimal involuntaryScore, RiskLevel involuntaryLevel, BigDecimal voluntaryScore,
        RiskLevel voluntaryLevel, BigDecimal combinedScore, String modelVersion, BigDecimal challengerScore, String challengerVersion) {
}
