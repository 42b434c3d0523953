package com.lendkeep.retention.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What retention-service knows of a customer and how its contact policy stands today. */
@Schema(name = "RetentionCustomer", description = "What retention-service knows of a customer")
public record CustomerResponse(UUID customerId, String tier, String grade, boolean preferencesKnown, boolean doNotContact,
        List<String> allowedChannels, List<QuietPeriod> quietPeriods, Instant erasedAt, String cohort, ContactToday contactToday) {

    public record QuietPeriod(java.time.LocalDate from, java.time.LocalDate to, String reason) {
    }

    /** @param channel the channel an offer would use today; reason why no offer can go out today */
    public record ContactToday(boolean allowed, String channel, String reason, int offersInWindow) {
    }
}
