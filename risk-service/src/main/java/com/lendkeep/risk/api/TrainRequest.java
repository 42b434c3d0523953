package com.lendkeep.risk.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.Algorithm;

@Schema(description = "Customers with their known outcome. With a prediction date (per outcome, or for all) the model learns "
        + "from the features as they were on that date (snapshots), else from the current ones.")
public record TrainRequest(
        @Schema(example = "GRADIENT_BOOSTED_TREES") @NotNull Algorithm algorithm,
        @Schema(description = "The churn the model predicts", example = "INVOLUNTARY") @NotNull ChurnType churnType,
        @Schema(description = "Seed of the validation split and of the trainer (same data and seed, same model)", example = "42") Long seed,
        @NotEmpty @Size(max = 200_000) List<@Valid @NotNull Outcome> outcomes,
        @Schema(description = "Business date the outcomes are predicted from, for outcomes without their own", example = "2027-01-31")
        LocalDate predictionDate) {

    /** Without prediction dates: trains on current features. */
    public TrainRequest(Algorithm algorithm, ChurnType churnType, Long seed, List<Outcome> outcomes) {
        this(algorithm, churnType, seed, outcomes, null);
    }

    /**
     * @param outcome        RETAINED, or CHURNED_VOLUNTARY / CHURNED_INVOLUNTARY
     * @param predictionDate features as they were on this business date (its latest snapshot on or before it)
     */
    public record Outcome(@Schema(example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @NotNull UUID customerId,
            @Schema(example = "CHURNED_INVOLUNTARY") @NotNull OutcomeKind outcome,
            @Schema(description = "Business date of the prediction for this customer (features as they were then)") LocalDate predictionDate) {

        public Outcome(UUID customerId, OutcomeKind outcome) {
            this(customerId, outcome, null);
        }
    }

    public enum OutcomeKind { RETAINED, CHURNED_VOLUNTARY, CHURNED_INVOLUNTARY }
}
