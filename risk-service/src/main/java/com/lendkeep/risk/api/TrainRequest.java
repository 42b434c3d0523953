package com.lendkeep.risk.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.Algorithm;

@Schema(description = "Customers with their known outcome; the model learns from their current features.")
public record TrainRequest(
        @Schema(example = "GRADIENT_BOOSTED_TREES") @NotNull Algorithm algorithm,
        @Schema(description = "The churn the model predicts", example = "INVOLUNTARY") @NotNull ChurnType churnType,
        @Schema(description = "Seed of the validation split and of the trainer (same data and seed, same model)", example = "42") Long seed,
        @NotEmpty @Size(max = 200_000) List<@Valid @NotNull Outcome> outcomes) {

    /**
     * @param outcome RETAINED, or CHURNED_VOLUNTARY / CHURNED_INVOLUNTARY
     */
    public record Outcome(@Schema(example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @NotNull UUID customerId,
            @Schema(example = "CHURNED_INVOLUNTARY") @NotNull OutcomeKind outcome) {
    }

    public enum OutcomeKind { RETAINED, CHURNED_VOLUNTARY, CHURNED_INVOLUNTARY }
}
