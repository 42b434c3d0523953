package com.lendkeep.customer.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.CustomerType;

@Schema(description = "A customer as registered by a core banking system or a front-end app.")
public record CustomerRequest(
        @Schema(description = "The core banking system's own customer number", example = "CB-000123")
        @Size(max = 64) String externalRef,
        @Schema(example = "INDIVIDUAL") @NotNull CustomerType type,
        @Schema(example = "Ana Lopez") @NotBlank @Size(max = 200) String fullName,
        @Schema(description = "National id (individuals) or registration number (companies); personal data", example = "X1234567L")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9./-]+", message = "must contain only letters, digits, '.', '/' or '-'") String nationalId,
        @Schema(example = "ana.lopez@example.com") @Email @Size(max = 200) String email,
        @Schema(example = "+34 600 000 000") @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number") String phone,
        @Schema(example = "RETAIL") @Size(max = 64) String industry,
        @Schema(description = "Yearly income (individuals) or revenue (companies)", example = "48000.00")
        @PositiveOrZero @DecimalMax("1000000000000") BigDecimal annualIncome,
        @Schema(example = "2019-04-01") @NotNull @PastOrPresent LocalDate relationshipSince,
        @Schema(example = "rm.garcia") @Size(max = 64) String relationshipManager) {
}
