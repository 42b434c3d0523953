package com.lendkeep.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;

/**
 * The envelope is read in one pass (no tree first); every kind of bad message must still be told
 * apart in the dead-letter reason. A narrow unit test: parsing touches neither the database nor Kafka.
 */
class EnvelopeParsingTest {

    private final EventInbox inbox = new EventInbox(new ObjectMapper().registerModule(new JavaTimeModule()), null, null, null, null, null, 3);

    private static String envelope(String type, int schemaVersion, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"source\":\"test\","
                + "\"occurredAt\":\"2026-12-04T10:15:30Z\",\"schemaVersion\":" + schemaVersion + ",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"data\":" + data + "}";
    }

    private String reason(String raw) {
        return assertThrows(PoisonMessageException.class, () -> inbox.parse(raw)).getMessage();
    }

    @Test
    void aValidEnvelopeKeepsItsDataAsATree() {
        EventEnvelope e = inbox.parse(envelope("REPAYMENT_RECEIVED", 1, "{\"amountPaid\":12.50}"));
        assertEquals(EventType.REPAYMENT_RECEIVED, e.type());
        assertEquals("2026-12-04T10:15:30Z", e.occurredAt().toString());
        assertEquals("12.5", e.data().get("amountPaid").asText());
    }

    @Test
    void eachKindOfBadMessageHasItsOwnReason() {
        assertEquals("empty message", reason(" "));
        assertTrue(reason("{\"eventId\": ").startsWith("malformed JSON"), reason("{\"eventId\": "));
        // cut short after a value of the wrong type: still malformed, not a contract mismatch
        assertTrue(reason("{\"eventId\": 42").startsWith("malformed JSON"), reason("{\"eventId\": 42"));
        assertEquals("message is not a JSON object", reason("[1, 2]"));
        assertEquals("message is not a JSON object", reason("null"));
        assertEquals("unknown event type: LOAN_TELEPORTED", reason(envelope("LOAN_TELEPORTED", 1, "{}")));
        assertTrue(reason(envelope("LOAN_OPENED", 1, "{}").replace("\"occurredAt\":\"2026-12-04T10:15:30Z\"", "\"occurredAt\":\"yesterday\""))
                .startsWith("envelope does not match the contract"));
        assertEquals("envelope is missing: data", reason(envelope("LOAN_OPENED", 1, "null")));
        assertEquals("envelope is missing: eventId customerId",
                reason("{\"type\":\"LOAN_OPENED\",\"occurredAt\":\"2026-12-04T10:15:30Z\",\"schemaVersion\":1,\"data\":{}}"));
        assertTrue(reason(envelope("LOAN_OPENED", 2, "{}")).startsWith("unsupported schema version 2"));
    }
}
