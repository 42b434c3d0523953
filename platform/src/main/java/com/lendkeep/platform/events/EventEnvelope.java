package com.lendkeep.platform.events;

import java.time.Instant;
import java.util.UUID;

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
 */
public record EventEnvelope(
        UUID eventId,
        EventType type,
        String source,
        Instant occurredAt,
        int schemaVersion,
        UUID customerId,
        JsonNode data) {

    /** Schema versions this build can read. Anything else is dead-lettered, never guessed at. */
    public static final int CURRENT_SCHEMA_VERSION = 1;
}
