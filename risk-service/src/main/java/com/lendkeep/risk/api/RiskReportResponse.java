package com.lendkeep.risk.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.lendkeep.risk.domain.RiskLevel;

/**
 * A risk assessment a person can read.
 *
 * @param narrative the assessment in a few sentences
 */
public record RiskReportResponse(UUID customerId, String narrative, Assessment involuntary, Assessment voluntary, String modelVersion) {

    /** @param recommendedActions rule-based, from the level and the reasons */
    public record Assessment(BigDecimal probability, RiskLevel level, List<String> reasons, List<String> recommendedActions) {
    }
}
