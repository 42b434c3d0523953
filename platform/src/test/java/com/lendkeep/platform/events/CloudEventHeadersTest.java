package com.lendkeep.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The CloudEvents attributes read from an envelope, checked field by field against the envelope. */
class CloudEventHeadersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JavaTimeJson JSON = new JavaTimeJson();

    @Test
    void theAttributesComeFromTheEnvelopeAsWritten() throws Exception {
        UUID eventId = UUID.fromString("d7e8f9a0-b1c2-4d3e-9f4a-5b6c7d8e9f17");
        UUID customerId = UUID.fromString("5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01");
        // microseconds, as Instant.now() gives on Linux: RFC 3339 allows any number of fraction digits
        Instant occurredAt = Instant.parse("2027-01-06T15:27:00.123456Z");
        EventEnvelope envelope = new EventEnvelope(eventId, EventType.REPAYMENT_RECEIVED, "loan-service", occurredAt, 1, customerId,
                MAPPER.createObjectNode().put("amountPaid", 10));
        String json = JSON.write(envelope);

        Map<String, String> headers = CloudEventHeaders.ofJson(json);

        assertEquals(Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type", "com.lendkeep.repayment-received",
                "ce_source", "/lendkeep/loan-service", "ce_time", "2027-01-06T15:27:00.123456Z",
                "ce_subject", customerId.toString(), "content-type", "application/json"), headers);
        assertEquals(headers, CloudEventHeaders.of(envelope), "from the record or from the text: the same attributes");
        assertEquals(occurredAt, OffsetDateTime.parse(headers.get("ce_time")).toInstant());
    }

    @Test
    void everyEventTypeHasItsOwnReverseDnsType() {
        Set<String> seen = new HashSet<>();
        for (EventType type : EventType.values()) {
            String ceType = CloudEventHeaders.type(type);
            assertTrue(ceType.matches("com\\.lendkeep\\.[a-z]+(-[a-z]+)*"), ceType);
            assertTrue(seen.add(ceType), "two event types share " + ceType);
        }
        assertEquals("com.lendkeep.churn-risk-alert-raised", CloudEventHeaders.type(EventType.CHURN_RISK_ALERT_RAISED));
    }

    @Test
    void aSourceIsAUriReferenceWhateverTheProducerCallsItself() throws Exception {
        assertEquals("/lendkeep/core%20banking", CloudEventHeaders.source("core banking"));
        assertEquals("/lendkeep/unnamed", CloudEventHeaders.source(null));
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"REPAYMENT_RECEIVED\",\"occurredAt\":\"2027-01-06T15:27:00Z\","
                + "\"schemaVersion\":1,\"customerId\":\"" + UUID.randomUUID() + "\",\"data\":{}}";
        assertEquals("/lendkeep/unnamed", CloudEventHeaders.ofJson(json).get("ce_source"), "source is optional in the envelope");
        assertEquals("/lendkeep/na%C3%AFve/%20system", new java.net.URI(CloudEventHeaders.source("naïve/ system")).toASCIIString());
    }

    /** A message that is no envelope is no CloudEvent: it gets no made-up attributes. */
    @Test
    void aPoisonMessageGetsNoAttributes() {
        String id = UUID.randomUUID().toString();
        for (String poison : List.of("not json at all", "[1,2]", "null", "{}",
                "{\"eventId\":\"" + id + "\",\"type\":\"LOAN_TELEPORTED\",\"occurredAt\":\"2027-01-06T15:27:00Z\",\"customerId\":\"" + id + "\"}",
                "{\"eventId\":\"" + id + "\",\"type\":\"LOAN_OPENED\",\"occurredAt\":\"yesterday\",\"customerId\":\"" + id + "\"}",
                "{\"eventId\":42,\"type\":\"LOAN_OPENED\",\"occurredAt\":\"2027-01-06T15:27:00Z\",\"customerId\":\"" + id + "\"}")) {
            RecordHeaders headers = new RecordHeaders();
            assertFalse(CloudEventHeaders.addTo(headers, poison), poison);
            assertFalse(headers.iterator().hasNext(), poison);
        }
    }

    @Test
    void theyAreAddedAsUtf8KafkaHeaders() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventType.BUSINESS_DATE_CHANGED, "loan-service",
                Instant.parse("2027-02-02T00:00:01Z"), 1, EventEnvelope.SYSTEM_CUSTOMER_ID, MAPPER.createObjectNode());
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.US_ASCII));
        assertTrue(CloudEventHeaders.addTo(headers, JSON.write(envelope)));
        assertEquals("00000000-0000-0000-0000-000000000000", text(headers, "ce_subject"), "system-wide: the nil UUID, as the key");
        assertEquals("2027-02-02T00:00:01Z", text(headers, "ce_time"));
        assertEquals("application/json", text(headers, "content-type"));
        assertTrue(headers.lastHeader("traceparent") != null, "the traceparent stays");
    }

    private static String text(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Writes an envelope with ISO dates, as the services' mapper does. */
    private static final class JavaTimeJson {
        private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        String write(EventEnvelope envelope) {
            try {
                return mapper.writeValueAsString(envelope);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
