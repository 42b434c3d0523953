package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.retention.domain.InterventionKind;

/** A person proposes an intervention for an alert; terms as in a playbook rule's action. */
public record ProposalRequest(
        @NotNull UUID alertId,
        @NotNull InterventionKind kind,
        Integer extensionMonths, Integer holidayMonths, BigDecimal newAnnualRate, BigDecimal rateReduction,
        BigDecimal minAnnualRate, Integer newTermMonths, Integer termExtensionMonths, BigDecimal feeWaived, BigDecimal fixedCost,
        @Schema(description = "Expected relative drop in churn probability, 0..1; 0.2 if absent") BigDecimal churnReduction,
        @Size(max = 500) String note) {
}
