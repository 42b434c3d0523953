package com.lendkeep.customer.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.customer.repository.CustomerLoanRepository;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Redelivery has no second effect, and poison goes to the dead-letter topic without blocking good messages. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class LoanEventsConsumerTest {

    private static KafkaTestClient kafka;

    @Inject
    CustomerLoanRepository loans;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String loanOpened(UUID eventId, UUID customerId, UUID loanId, String principal) {
        return """
                {"eventId":"%s","type":"LOAN_OPENED","source":"loan-service","occurredAt":"2026-11-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"loanId":"%s","principal":%s,"annualRate":0.06,
                 "termMonths":12,"startDate":"2026-11-01","installmentAmount":8606.64}}
                """.formatted(eventId, customerId, loanId, principal);
    }

    @Test
    void sameEventTwiceHasOneEffect() {
        UUID customer = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = loanOpened(eventId, customer, UUID.randomUUID(), "100000.00");
        kafka.send("loan-events", customer.toString(), event);
        kafka.send("loan-events", customer.toString(), event);
        // a later, different event for the same customer proves both copies were consumed
        UUID marker = UUID.randomUUID();
        kafka.send("loan-events", customer.toString(), loanOpened(UUID.randomUUID(), customer, marker, "5000.00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(customer) == 2);
        assertEquals(2, count(customer), "the duplicate delivery must not create a second loan row");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndGoodMessagesStillFlow() {
        UUID customer = UUID.randomUUID();
        kafka.send("loan-events", customer.toString(), "{not json at all");
        kafka.send("loan-events", customer.toString(), """
                {"eventId":"%s","type":"LOAN_TELEPORTED","source":"x","occurredAt":"2026-11-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{}}""".formatted(UUID.randomUUID(), customer));
        kafka.send("loan-events", customer.toString(), loanOpened(UUID.randomUUID(), customer, UUID.randomUUID(), "100.00")
                .replace("\"schemaVersion\":1", "\"schemaVersion\":7"));
        kafka.send("loan-events", customer.toString(), loanOpened(UUID.randomUUID(), customer, UUID.randomUUID(), "-3"));
        kafka.send("loan-events", customer.toString(), loanOpened(UUID.randomUUID(), customer, UUID.randomUUID(), "2500.00"));

        var dead = kafka.awaitAll("customer-service.dlq", r -> customer.toString().equals(r.key()), 4, Duration.ofSeconds(30));
        String reasons = String.join(" | ", dead.stream().map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList());
        assertTrue(reasons.contains("malformed JSON"), reasons);
        assertTrue(reasons.contains("unknown event type: LOAN_TELEPORTED"), reasons);
        assertTrue(reasons.contains("unsupported schema version 7"), reasons);
        assertTrue(reasons.contains("principal"), reasons);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(customer) == 1);
    }

    private long count(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> loans.count("customerId", customer));
    }
}
