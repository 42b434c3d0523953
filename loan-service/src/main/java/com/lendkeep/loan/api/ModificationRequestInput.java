package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.loan.domain.ModificationKind;

/** A modification to approve by another user. Which fields apply depends on {@code kind} (README). */
public record ModificationRequestInput(
        @Schema(example = "RESTRUCTURING") @NotNull ModificationKind kind,
        @Schema(description = "PAYMENT_EXTENSION (1..24), TERM_EXTENSION (1..120)") Integer extensionMonths,
        @Schema(description = "RATE_CHANGE, RESTRUCTURING: 0..0.5", example = "0.045")
        @DecimalMin("0") @DecimalMax(value = "0.5", message = "must be at most 0.5 (50 % a year)") @Digits(integer = 1, fraction = 6) BigDecimal newAnnualRate,
        @Schema(description = "RESTRUCTURING: number of monthly installments replacing the untouched ones, 1..480") Integer newTermMonths,
        @Schema(description = "RESTRUCTURING: the installment wanted; the term follows")
        @DecimalMin("0.01") @DecimalMax("100000000.00") @Digits(integer = 9, fraction = 2) BigDecimal newInstallment,
        @Schema(description = "RESTRUCTURING, RATE_CHANGE: installments due after this date change; default the business date") LocalDate effectiveFrom,
        @Schema(description = "PAYMENT_HOLIDAY: 1..12") Integer holidayMonths,
        @Schema(description = "FEE_WAIVER: the most to waive")
        @DecimalMin("0.01") @DecimalMax("100000000.00") @Digits(integer = 9, fraction = 2) BigDecimal feeWaived,
        @Size(max = 500) String note) {
}
