package com.lendkeep.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one contract every LendKeep event follows, on every topic. The Kafka key is always
 * {@code customerId}, so all events of one customer stay in order on one partition.
 *
 * @param eventId       unique per event; consumers use it to ignore redeliveries
 * @param type          what happened (see {@link EventType})
 * @param source        the service (or external system) that produced the event
 * @param occurredAt    when it happened, UTC
 * @param schemaVersion version of the envelope and of the payload of {@code type}
 * @param customerId    the customer the event is about; also the Kafka key
 * @param data          the payload, whose shape is given by {@code type}
 * @param businessDate  the loan book's business date when the event was produced (loan-service's events
 *                      carry it; it is the system's date for every date check); null from other producers
 */
public record EventEnvelope(
        UUID eventId,
        EventType type,
        String source,
        Instant occurredAt,
        int schemaVersion,
        UUID customerId,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate businessDate) {

    /** The key of events about the whole system rather than one customer (BUSINESS_DATE_CHANGED). */
    public static final UUID SYSTEM_CUSTOMER_ID = new UUID(0L, 0L);

    /** An envelope without a business date (producers other than loan-service). */
    public EventEnvelope(UUID eventId, EventType type, String source, Instant occurredAt, int schemaVersion,
            UUID customerId, JsonNode data) {
        this(eventId, type, source, occurredAt, schemaVersion, customerId, data, null);
    }

    /** Schema versions this build can read. Anything else is dead-lettered, never guessed at. */
    public static final int CURRENT_SCHEMA_VERSION = 1;
}
