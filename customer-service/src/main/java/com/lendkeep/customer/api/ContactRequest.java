package com.lendkeep.customer.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.Contact;

@Schema(description = "One interaction with the customer.")
public record ContactRequest(
        @Schema(example = "COMPLAINT") @NotNull Contact.Kind kind,
        @Schema(example = "RATE_COMPLAINT") @NotNull Contact.Topic topic,
        @Schema(example = "PHONE") @NotNull Contact.Channel channel,
        @Schema(description = "1 (very unhappy) to 5 (very happy), when the customer gave one", example = "2") @Min(1) @Max(5) Integer satisfaction,
        @Schema(example = "Explained current rate; customer mentioned a competitor offer") @Size(max = 500) String outcome,
        // not part of the API: read only so that a client still sending it is told (400) instead of silently ignored;
        // the contact is recorded as logged by the token's user
        @Schema(hidden = true) String loggedBy,
        @Schema(description = "Not after the loan book's business date", example = "2026-11-20") @NotNull LocalDate contactDate) {
}
