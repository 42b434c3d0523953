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
 * @param expectedValue  probability x churn reduction x value kept - cost (docs/retention.md, "Next-best action")
 * @param realisedCost   loan-service's concession plus the fixed cost once reported, else the estimate
 * @param approvalDueAt  when a person must have decided (approval required only); overdueAt when it was escalated
 * @param deliveryDetail why the offer could not be delivered (status BLOCKED)
 * @param decidedBy      who recorded the customer's answer
 */
public record InterventionResponse(UUID id, UUID alertId, UUID customerId, UUID loanId, String churnType, InterventionKind kind,
        InterventionStatus status, Integer extensionMonths, Integer holidayMonths, BigDecimal newAnnualRate, Integer newTermMonths,
        BigDecimal feeWaived, BigDecimal estimatedCost, BigDecimal interestIncomeKept, BigDecimal expectedValue,
        BigDecimal churnReduction, String playbookRule, Integer playbookVersion, String proposedBy, Instant proposedAt,
        LocalDate asOfDate, String budgetPeriod, boolean approvalRequired, Instant approvalDueAt, Instant overdueAt, BigDecimal realisedCost,
        String approvedBy, Instant approvedAt, String offeredBy,
        Instant offeredAt, String offerChannel, Instant offerExpiresAt, String deliveryDetail, String decidedBy, Instant decidedAt,
        Instant appliedAt, String outcomeDetail, UUID taskId) {
}
