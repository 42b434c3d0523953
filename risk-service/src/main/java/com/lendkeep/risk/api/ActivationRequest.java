package com.lendkeep.risk.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param force  activate even though the candidate is worse than the champion on the hold-out
 * @param reason why (required when forcing), kept in the audit trail
 */
@Schema(description = "A request to activate a model version; another risk analyst approves it.")
public record ActivationRequest(Boolean force, @Size(max = 500) String reason) {
}
