package com.lendkeep.retention.mapping;

import java.util.UUID;

import com.lendkeep.retention.api.HistoryEntry;
import com.lendkeep.retention.api.InterventionResponse;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionEvent;

public final class InterventionMapper {
    private InterventionMapper() {
    }

    public static InterventionResponse toResponse(Intervention i) {
        return toResponse(i, null);
    }

    public static InterventionResponse toResponse(Intervention i, UUID taskId) {
        return new InterventionResponse(i.id, i.alertId, i.customerId, i.loanId, i.churnType, i.kind, i.status, i.extensionMonths,
                i.holidayMonths, i.newAnnualRate, i.newTermMonths, i.feeWaived, i.estimatedCost, i.interestIncomeKept, i.expectedValue,
                i.churnReduction, i.playbookRule, i.playbookVersion, i.proposedBy, i.proposedAt, i.asOfDate, i.budgetPeriod,
                i.approvalRequired, i.approvalDueAt, i.overdueAt, i.realisedCost(), i.approvedBy, i.approvedAt, i.offeredBy, i.offeredAt, i.offerChannel, i.offerExpiresAt,
                i.deliveryDetail, i.decidedBy, i.decidedAt, i.appliedAt, i.outcomeDetail, taskId);
    }

    public static HistoryEntry toResponse(InterventionEvent e) {
        return new HistoryEntry(e.fromStatus, e.toStatus, e.actor, e.at, e.detail);
    }
}
