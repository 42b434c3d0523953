package com.lendkeep.risk.api;

import java.time.Instant;

/** A pending or approved activation, with the comparison shown to both analysts. */
public record ActivationResponse(String version, String requestedBy, Instant requestedAt, boolean forced, String reason,
        ModelComparison comparison, String approvedBy, Instant approvedAt) {
}
