package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's decision on an intervention; who decides is the token's user. */
@Schema(name = "InterventionDecisionRequest", description = "An optional note on an intervention's status change")
public record DecisionRequest(
        @Schema(description = "Why, for the audit trail", example = "customer called back") @Size(max = 500) String note) {
}
