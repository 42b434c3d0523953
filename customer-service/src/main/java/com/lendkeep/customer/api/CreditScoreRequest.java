package com.lendkeep.customer.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param score     read as an exact number so that 700.5 is refused rather than cut to 700
 * @param scoreDate not after the loan book's business date (checked by the service, which knows it)
 */
@Schema(description = "A credit bureau's score for the customer on a date.")
public record CreditScoreRequest(
        @Schema(example = "EXPERIAN") @NotBlank @Size(max = 64) String bureau,
        @Schema(type = SchemaType.INTEGER, minimum = "300", maximum = "900", example = "640",
                description = "A whole number from 300 to 900")
        @NotNull @DecimalMin(value = "300", message = "must be a whole number from 300 to 900")
        @DecimalMax(value = "900", message = "must be a whole number from 300 to 900") BigDecimal score,
        @Schema(description = "Not after the loan book's business date", example = "2026-11-01") @NotNull LocalDate scoreDate) {
}
