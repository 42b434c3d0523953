package com.lendkeep.risk.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.RiskLevel;

public record AlertResponse(UUID id, UUID customerId, ChurnType churnType, RiskLevel level, BigDecimal score, List<String> reasons,
        String modelVersion, UUID loanId, ChurnAlert.Status status, Instant raisedAt, Instant updatedAt, Instant clearedAt) {
}
