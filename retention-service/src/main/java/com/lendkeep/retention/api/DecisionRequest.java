package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's decision on an intervention. The user may instead come in the X-User header (see rest.Actors). */
public record DecisionRequest(
        @Schema(description = "Who decides (approver, advisor recording the customer's answer)", example = "advisor.lee") @Size(max = 64) String decidedBy,
        @Schema(description = "Why, for the audit trail", example = "customer called back") @Size(max = 500) String note) {
}
