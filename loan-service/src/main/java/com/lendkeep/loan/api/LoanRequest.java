package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
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

@Schema(description = "A loan to book, monthly repayments.")
public record LoanRequest(
        @Schema(example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @NotNull UUID customerId,
        @Schema(description = "Amount lent", example = "100000.00")
        @NotNull @DecimalMin("100.00") @DecimalMax("100000000.00") @Digits(integer = 9, fraction = 2) BigDecimal principal,
        @Schema(description = "Nominal annual rate as a fraction: 0.06 is 6 %", example = "0.06")
        @NotNull @DecimalMin("0") @DecimalMax(value = "0.5", message = "must be at most 0.5 (50 % a year)") @Digits(integer = 1, fraction = 6) BigDecimal annualRate,
        @Schema(example = "12") @NotNull @Min(1) @Max(480) Integer termMonths,
        @Schema(description = "Disbursement date; the first installment is due a month later", example = "2026-11-01") @NotNull LocalDate startDate,
        @Schema(example = "ANNUITY") @NotNull RepaymentMethod method,
        @Schema(description = "FLEXIBLE only: the principal repaid in each period, one amount per month, summing to the principal",
                example = "[2000.00, 2000.00, 500.00, 500.00, 10000.00, 10000.00]")
        @Size(max = 480) List<@NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal> principalPlan,
        @Schema(description = "Fee charged on each installment the day it becomes overdue; default loan.fees.late-fee", example = "25.00")
        @DecimalMin("0.00") @DecimalMax("10000.00") @Digits(integer = 5, fraction = 2) BigDecimal lateFee) {
}
