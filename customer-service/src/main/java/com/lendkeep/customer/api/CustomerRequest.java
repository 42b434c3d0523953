package com.lendkeep.customer.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.CollateralType;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.CustomerType;

@Schema(description = "A customer's profile as a core banking system or a front-end app sends it (POST creates, PUT replaces).")
public record CustomerRequest(
        @Schema(description = "The core banking system's own customer number", example = "CB-000123")
        @Size(max = 64) String externalRef,
        @Schema(description = "INDIVIDUAL, SME or CORPORATE", example = "INDIVIDUAL") @NotNull CustomerType type,
        @Schema(description = "Name of the person or company; personal data", example = "Ana Lopez")
        @NotBlank @Size(max = 200) String fullName,
        @Schema(description = "National id (individuals) or registration number (companies); personal data", example = "X1234567L")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9./-]+", message = "must contain only letters, digits, '.', '/' or '-'") String nationalId,
        @Schema(description = "Contact channel: e-mail address; personal data", example = "ana.lopez@example.com")
        @Email @Size(max = 200) String email,
        @Schema(description = "Contact channel: phone number; personal data", example = "+34 600 000 000")
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number") String phone,
        @Schema(description = "Contact channel: postal address; personal data", example = "Calle Mayor 1, 28013 Madrid")
        @Size(max = 300) String postalAddress,
        @Schema(description = "The channel the customer prefers", example = "EMAIL") Contact.Channel preferredChannel,
        @Schema(description = "Industry (of the company, or of an individual's employer); stored upper case with '_' between words. "
                + "Its volatility class comes from configuration (customer.industry.volatility)", example = "REAL_ESTATE")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 _&/-]*", message = "must contain only letters, digits, spaces, '_', '&', '/' or '-'")
        String industry,
        @Schema(description = "Yearly income (individuals) or annual revenue (companies)", example = "48000.00")
        @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal annualIncome,
        @Schema(description = "Summary of the collateral pledged to the lender, if any") @Valid CollateralRequest collateral,
        @Schema(description = "Start of the customer relationship; not after the loan book's business date", example = "2019-04-01") @NotNull LocalDate relationshipSince,
        @Schema(description = "User id of the assigned relationship manager", example = "rm.garcia")
        @Size(max = 64) String relationshipManager,
        @Schema(description = "PUT only: the version that was read (as an alternative to the If-Match header); ignored by POST", example = "3")
        @PositiveOrZero Long version) {

    @Schema(description = "The collateral summary: its type and appraised value.")
    public record CollateralRequest(
            @Schema(example = "REAL_ESTATE") @NotNull CollateralType type,
            @Schema(description = "Appraised market value, before the haircut the grade rule applies", example = "350000.00")
            @NotNull @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal appraisedValue,
            @Schema(description = "Date of the appraisal; not after the loan book's business date", example = "2025-06-30") LocalDate appraisedOn) {
    }
}
