package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offer to the customer; who offers is the token's user. */
public record OfferRequest(
        @Schema(description = "Channel to use; by default the first allowed one in the preference order", example = "EMAIL")
        @Size(max = 16) String channel) {
}
