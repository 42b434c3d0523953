package com.lendkeep.customer.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.Contact.Channel;

@Schema(description = "The customer's contact preferences and consent; replaces the current ones.")
public record ContactPreferencesRequest(
        @Schema(description = "true: the customer must not be contacted for offers or retention at all", example = "false")
        @NotNull Boolean doNotContact,
        @Schema(description = "Channels offers may use; an empty list means none", example = "[\"EMAIL\", \"SMS\"]")
        @NotNull @Size(max = 6) List<@NotNull Channel> allowedChannels,
        @Schema(description = "Periods without contact, both dates included; from must not be after to (absent means none)")
        @Size(max = 20) List<@NotNull @Valid QuietPeriodRequest> quietPeriods) {

    @Schema(description = "A period during which the customer must not be contacted.")
    public record QuietPeriodRequest(
            @Schema(example = "2026-12-20") @NotNull LocalDate from,
            @Schema(example = "2027-01-06") @NotNull LocalDate to,
            @Schema(description = "Why; shown to advisors, removed on erasure", example = "holidays abroad") @Size(max = 200) String reason) {
    }
}
