package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.loan.domain.RepaymentMethod;

@Schema(description = "A loan application: the terms asked; the loan starts when it is disbursed.")
public record ApplicationRequest(
        @NotNull UUID customerId,
        @Schema(example = "12000.00") @NotNull @DecimalMin("100.00") @DecimalMax("100000000.00") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Schema(example = "0.06") @NotNull @DecimalMin("0") @DecimalMax(value = "0.5", message = "must be at most 0.5 (50 % a year)") @Digits(integer = 1, fraction = 6) BigDecimal annualRate,
        @Schema(example = "24") @NotNull @Min(1) @Max(480) Integer termMonths,
        @Schema(example = "ANNUITY") @NotNull RepaymentMethod method,
        @Size(max = 480) List<@NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal> principalPlan,
        @DecimalMin("0.00") @DecimalMax("10000.00") @Digits(integer = 5, fraction = 2) BigDecimal lateFee) {
}
