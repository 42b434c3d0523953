package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money moving for a loan outside its schedule: a recovery after charge-off, or a refund of its credit balance. */
@Schema(description = "An amount and its value date (default the business date, never after it).")
public record CashRequest(
        @Schema(example = "250.00") @NotNull @DecimalMin("0.01") @DecimalMax("100000000.00") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Schema(example = "2027-03-01") LocalDate on) {
}
