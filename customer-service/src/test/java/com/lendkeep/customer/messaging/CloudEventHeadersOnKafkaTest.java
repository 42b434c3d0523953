package com.lendkeep.customer.messaging;

import static com.lendkeep.customer.TestSupport.assertEnvelope;
import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.event;
import static com.lendkeep.customer.TestSupport.json;
import static com.lendkeep.customer.TestSupport.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The CloudEvents attributes (binary content mode) on what the service really sends, read back from
 * the broker by a plain consumer: on an event the outbox relay publishes, and on a dead letter the
 * platform's DeadLetters producer writes (the original event's attributes; none for a message that
 * is no event). Each attribute is compared with the envelope in the record's value.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CloudEventHeadersOnKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theRelayPublishesEveryEventWithItsCloudEventsAttributes() {
        String id = register(customer());
        ConsumerRecord<String, String> registered = kafka.await("customer-events", event(id, "CUSTOMER_REGISTERED"), WAIT);
        assertEnvelope(registered, "CUSTOMER_REGISTERED", id);
        assertAttributesOf(json(registered.value()), registered, "com.lendkeep.customer-registered", "/lendkeep/customer-service");
        assertEquals(id, KafkaTestClient.header(registered, "ce_subject"), "the subject is the customer, as the key");
    }

    /** repayment-events are taken in batches: their poison goes through the platform's DeadLetters. */
    @Test
    void aDeadLetterCarriesTheAttributesOfTheEventItHolds() {
        String id = register(customer());
        // a readable envelope whose payload breaks the contract (no amountPaid): dead-lettered, still an event
        String invalid = envelope("REPAYMENT_RECEIVED", id, Instant.parse("2027-01-06T15:27:00Z"), """
                {"loanId":"%s","paidOn":"2027-01-06","amountDue":10.00,"daysPastDue":0,"onTime":true,"outstanding":0.00}
                """.formatted(UUID.randomUUID())).replace("\"loan-service\"", "\"core-banking\"");
        String notAnEvent = "not an event " + UUID.randomUUID();
        kafka.send("repayment-events", id, invalid);
        kafka.send("repayment-events", id, notAnEvent);

        ConsumerRecord<String, String> dead = kafka.await("customer-service.dlq", r -> invalid.equals(r.value()), WAIT);
        assertAttributesOf(json(invalid), dead, "com.lendkeep.repayment-received", "/lendkeep/core-banking");
        assertEquals("2027-01-06T15:27:00Z", KafkaTestClient.header(dead, "ce_time"));

        ConsumerRecord<String, String> poison = kafka.await("customer-service.dlq", r -> notAnEvent.equals(r.value()), WAIT);
        for (String name : new String[] { "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "content-type" }) {
            assertNull(KafkaTestClient.header(poison, name), "a message that is no event gets no " + name);
        }
    }

    private static void assertAttributesOf(JsonNode envelope, ConsumerRecord<String, String> record, String type, String source) {
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertEquals(envelope.get("eventId").asText(), KafkaTestClient.header(record, "ce_id"));
        assertEquals(type, KafkaTestClient.header(record, "ce_type"));
        assertEquals(source, KafkaTestClient.header(record, "ce_source"));
        assertEquals(Instant.parse(envelope.get("occurredAt").asText()),
                OffsetDateTime.parse(KafkaTestClient.header(record, "ce_time")).toInstant(), "ce_time is occurredAt, RFC 3339");
        assertEquals(envelope.get("customerId").asText(), KafkaTestClient.header(record, "ce_subject"));
        assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
    }
}
