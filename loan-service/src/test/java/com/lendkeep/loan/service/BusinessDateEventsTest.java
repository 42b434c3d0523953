package com.lendkeep.loan.service;

import static com.lendkeep.loan.TestSupport.WAIT;
import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.event;
import static com.lendkeep.loan.TestSupport.openLoan;
import static com.lendkeep.loan.TestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.loan.TestSupport;
import com.lendkeep.platform.events.EventEnvelope;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17 point 1 (loan side): the business date is the system's date, on every event and in its own event. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class BusinessDateEventsTest {

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
    void everyMoveOfTheDatePublishesBusinessDateChangedStampedWithTheNewDate() {
        LocalDate before = businessDate();
        LocalDate next = before.plusDays(3);
        advanceTo(next);

        var record = kafka.await("loan-events", r -> r.value().contains("\"BUSINESS_DATE_CHANGED\"")
                && r.value().contains("\"businessDate\":\"" + next + "\""), WAIT);
        JsonNode event = read(record.value());
        assertEquals(EventEnvelope.SYSTEM_CUSTOMER_ID.toString(), record.key(), "system-wide events are keyed by the nil UUID");
        assertEquals(EventEnvelope.SYSTEM_CUSTOMER_ID.toString(), event.get("customerId").asText());
        assertEquals(next.toString(), event.get("businessDate").asText(), "the envelope carries the date the close of business set");
        assertEquals(next.toString(), event.at("/data/businessDate").asText());
        assertEquals(before.toString(), event.at("/data/previousDate").asText());
    }

    @Test
    void closingTheSameDateAgainChangesNothingAndPublishesNothing() {
        LocalDate today = businessDate();
        advanceTo(today.plusDays(1));
        LocalDate moved = today.plusDays(1);
        kafka.await("loan-events", r -> r.value().contains("\"BUSINESS_DATE_CHANGED\"")
                && r.value().contains("\"businessDate\":\"" + moved + "\""), WAIT);
        advanceTo(moved);
        List<?> changes = kafka.readAll("loan-events", Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains("\"BUSINESS_DATE_CHANGED\"") && r.value().contains("\"businessDate\":\"" + moved + "\""))
                .toList();
        assertEquals(1, changes.size(), "one event for one change of date");
    }

    @Test
    void aLoanEventCarriesTheBusinessDateItWasBookedOn() {
        LocalDate today = businessDate().plusDays(2);
        advanceTo(today);
        String id = openLoan(TestSupport.knownCustomer(), "5000.00", "0.05", 12, "ANNUITY");
        JsonNode opened = event(kafka, "loan-events", "LOAN_OPENED", id);
        assertEquals(today.toString(), opened.get("businessDate").asText());
        assertTrue(UUID.fromString(opened.get("customerId").asText()) != null);
    }
}
