package com.lendkeep.retention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DecisionRequest(
        @Schema(description = "Who recorded the customer's answer", example = "advisor.lee") @NotBlank @Size(max = 64) String decidedBy) {
}
