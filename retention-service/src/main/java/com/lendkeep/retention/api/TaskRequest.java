package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TaskRequest(
        @Schema(description = "Who acts on the task", example = "rm.jones") @Size(max = 64) String decidedBy,
        @Schema(description = "New owner (reassign only)", example = "rm.jones") @Size(max = 64) String owner,
        @Schema(description = "What happened", example = "call held, customer keeps the loan") @Size(max = 500) String note) {
}
