package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;

public record InterventionResponse(UUID id, UUID alertId, UUID customerId, UUID loanId, String churnType, InterventionKind kind,
        InterventionStatus status, Integer extensionMonths, BigDecimal newAnnualRate, String playbookRule, String outcomeDetail,
        Instant proposedAt, Instant decidedAt, String decidedBy, Instant appliedAt) {
}
