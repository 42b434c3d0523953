package com.lendkeep.platform.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CloudEvents 1.0 attributes of an event, as Kafka headers in the binary content mode of the
 * CloudEvents Kafka protocol binding: a CloudEvents-aware consumer reads id, type, source, time and
 * subject from the headers without knowing our envelope. The record value stays the LendKeep
 * envelope (docs/events.md), so for CloudEvents the event's {@code data} is the whole envelope, as JSON.
 * <p>
 * The outbox relay and the dead-letter producer both add them, from the envelope's JSON text, with
 * this one class. Mapping (docs/events.md, "CloudEvents attributes"):
 * {@code ce_id} = eventId, {@code ce_type} = {@code com.lendkeep.} + the type in lower case with
 * hyphens ({@code REPAYMENT_RECEIVED} -> {@code com.lendkeep.repayment-received}), {@code ce_source} =
 * {@code /lendkeep/} + the envelope's source, {@code ce_time} = occurredAt (RFC 3339, UTC),
 * {@code ce_subject} = customerId (also the record key; the nil UUID for system-wide events).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String SPEC = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** The binding maps datacontenttype to the plain Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    static final String TYPE_PREFIX = "com.lendkeep.";
    static final String SOURCE_PREFIX = "/lendkeep/";
    /** The source of an envelope that names none (the field is optional for outside publishers). */
    static final String UNNAMED_SOURCE = "unnamed";

    private static final ObjectMapper READER = new ObjectMapper();

    private CloudEventHeaders() {
    }

    /** {@code com.lendkeep.repayment-received} for REPAYMENT_RECEIVED. */
    public static String type(EventType type) {
        return TYPE_PREFIX + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code /lendkeep/loan-service} for an event loan-service produced. */
    public static String source(String producer) {
        String path = SOURCE_PREFIX + (producer == null || producer.isBlank() ? UNNAMED_SOURCE : producer);
        try {
            // an outside publisher's name may hold characters a URI-reference cannot: percent-encoded
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot make a URI path of " + path, e);
        }
    }

    /** The headers of an envelope, in a stable order. */
    public static Map<String, String> of(EventEnvelope envelope) {
        return of(envelope.eventId(), envelope.type(), envelope.source(), envelope.occurredAt(), envelope.customerId());
    }

    /**
     * The headers of an envelope given as its JSON text; empty when the text is not an envelope with
     * an id, a known type, a time and a customer (a poison message on its way to a dead-letter topic
     * is no CloudEvent, and gets no attributes rather than made-up ones).
     */
    public static Map<String, String> ofJson(String envelopeJson) {
        if (envelopeJson == null) {
            return Map.of();
        }
        try {
            JsonNode e = READER.readTree(envelopeJson);
            if (e == null || !e.isObject()) {
                return Map.of();
            }
            return of(UUID.fromString(e.path("eventId").asText()), EventType.valueOf(e.path("type").asText()),
                    e.path("source").isTextual() ? e.path("source").asText() : null, Instant.parse(e.path("occurredAt").asText()),
                    UUID.fromString(e.path("customerId").asText()));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException notAnEnvelope) {
            return Map.of();
        }
    }

    /** Adds the headers of the envelope {@code envelopeJson} (none when it is no envelope); returns whether it did. */
    public static boolean addTo(Headers headers, String envelopeJson) {
        Map<String, String> attributes = ofJson(envelopeJson);
        attributes.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return !attributes.isEmpty();
    }

    private static Map<String, String> of(UUID id, EventType type, String source, Instant time, UUID customerId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC, SPEC_VERSION);
        headers.put(ID, id.toString());
        headers.put(TYPE, type(type));
        headers.put(SOURCE, source(source));
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(SUBJECT, customerId.toString());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
