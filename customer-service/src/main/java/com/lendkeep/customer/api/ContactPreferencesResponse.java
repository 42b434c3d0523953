package com.lendkeep.customer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.lendkeep.customer.domain.Contact;

/**
 * @param contactableToday not do-not-contact, at least one allowed channel, and today in no quiet period
 * @param updatedAt        null while the customer has the defaults (never set)
 */
public record ContactPreferencesResponse(UUID customerId, boolean doNotContact, List<Contact.Channel> allowedChannels,
        List<QuietPeriod> quietPeriods, boolean contactableToday, Instant updatedAt) {

    public record QuietPeriod(LocalDate from, LocalDate to, String reason) {
    }
}
