package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Money received for a loan.")
public record RepaymentRequest(
        @Schema(example = "878.75") @NotNull @DecimalMin("0.01") @DecimalMax("100000000.00") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Schema(description = "Value date; defaults to the business date, cannot be after it", example = "2026-12-01") LocalDate paidOn) {
}
