package com.lendkeep.customer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.customer.domain.Contact;

public record ContactResponse(UUID id, Contact.Kind kind, Contact.Topic topic, Contact.Channel channel, Integer satisfaction,
        String outcome, String loggedBy, LocalDate contactDate, Instant loggedAt) {
}
