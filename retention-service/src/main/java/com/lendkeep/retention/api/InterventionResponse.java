package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;

/**
 * @param playbookRule   the rule that proposed it ("manual" for a person's proposal)
 * @param estimatedCost  interest and fees forgone plus fixed cost (docs/retention.md)
 * @param expectedValue  interest income kept x alert score x expected relative drop in churn
 * @param deliveryDetail why the offer could not be delivered (status BLOCKED)
 * @param decidedBy      who recorded the customer's answer
 */
public record InterventionResponse(UUID id, UUID alertId, UUID customerId, UUID loanId, String churnType, InterventionKind kind,
        InterventionStatus status, Integer extensionMonths, Integer holidayMonths, BigDecimal newAnnualRate, Integer newTermMonths,
        BigDecimal feeWaived, BigDecimal estimatedCost, BigDecimal interestIncomeKept, BigDecimal expectedValue,
        BigDecimal churnReduction, String playbookRule, Integer playbookVersion, String proposedBy, Instant proposedAt,
        LocalDate asOfDate, String budgetPeriod, boolean approvalRequired, String approvedBy, Instant approvedAt, String offeredBy,
        Instant offeredAt, String offerChannel, Instant offerExpiresAt, String deliveryDetail, String decidedBy, Instant decidedAt,
        Instant appliedAt, String outcomeDetail, UUID taskId) {
}
