package com.lendkeep.risk.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch holding a malformed message and a message whose payload fails validation: the batch is
 * processed again message by message, and the malformed one, dead-lettered while the batch was
 * parsed, must not be dead-lettered a second time then (the fault suite found two copies).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class BatchDeadLetterTest {

    @Inject
    EventInbox inbox;

    @Test
    void eachPoisonMessageOfABatchIsDeadLetteredOnceAndTheGoodOneIsProcessed() {
        UUID customer = UUID.randomUUID();
        String key = customer.toString();
        String malformed = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":";
        String invalid = Events.envelope("REPAYMENT_RECEIVED", customer, """
                {"loanId":"%s","paidOn":"2026-11-05","amountDue":100.00,"daysPastDue":0,"onTime":true,"outstanding":900.00}"""
                .formatted(UUID.randomUUID()), null);
        String good = Events.repaid(customer, UUID.randomUUID(), Events.BOOK.minusDays(1), Events.BOOK.minusDays(1), "100.00", "100.00",
                "900.00", null);
        List<UUID> handled = new ArrayList<>();

        inbox.processBatch(List.of(new EventInbox.Incoming("repayment-events", key, malformed),
                new EventInbox.Incoming("repayment-events", key, invalid),
                new EventInbox.Incoming("repayment-events", key, good)), events -> {
                    for (EventEnvelope e : events) {
                        inbox.data(e, Payloads.RepaymentReceived.class);
                        handled.add(e.eventId());
                    }
                });

        assertEquals(1, handled.stream().distinct().count(), "the good message took effect, alone");
        try (KafkaTestClient kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers())) {
            List<ConsumerRecord<String, String>> dead = kafka.readAll("risk-service.dlq", Duration.ofSeconds(20)).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertEquals(1, dead.stream().filter(r -> malformed.equals(r.value())).count(), "the malformed message, once");
            assertEquals(1, dead.stream().filter(r -> invalid.equals(r.value())).count(), "the invalid payload, once");
            assertEquals(2, dead.size());
            assertEquals("repayment-events", KafkaTestClient.header(dead.get(0), "dead-letter-topic"));
        }
    }
}
