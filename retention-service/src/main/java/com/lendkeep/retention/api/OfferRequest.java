package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OfferRequest(
        @Schema(description = "Who offers", example = "advisor.lee") @Size(max = 64) String decidedBy,
        @Schema(description = "Channel to use; by default the first allowed one in the preference order", example = "EMAIL")
        @Size(max = 16) String channel) {
}
