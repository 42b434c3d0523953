package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An action on a task; who acts is the token's user. */
public record TaskRequest(
        @Schema(description = "New owner (reassign only)", example = "rm.jones") @Size(max = 64) String owner,
        @Schema(description = "What happened", example = "call held, customer keeps the loan") @Size(max = 500) String note) {
}
