package com.lendkeep.retention.mapping;

import com.lendkeep.retention.api.InterventionResponse;
import com.lendkeep.retention.domain.Intervention;

public final class InterventionMapper {
    private InterventionMapper() {
    }

    public static InterventionResponse toResponse(Intervention i) {
        return new InterventionResponse(i.id, i.alertId, i.customerId, i.loanId, i.churnType, i.kind, i.status, i.extensionMonths,
                i.newAnnualRate, i.playbookRule, i.outcomeDetail, i.proposedAt, i.decidedAt, i.decidedBy, i.appliedAt);
    }
}
