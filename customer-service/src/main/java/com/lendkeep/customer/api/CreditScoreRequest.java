package com.lendkeep.customer.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A credit bureau's score for the customer on a date.")
public record CreditScoreRequest(
        @Schema(example = "EXPERIAN") @NotBlank @Size(max = 64) String bureau,
        @Schema(example = "640") @NotNull @Min(300) @Max(900) Integer score,
        @Schema(example = "2026-11-01") @NotNull @PastOrPresent LocalDate scoreDate) {
}
