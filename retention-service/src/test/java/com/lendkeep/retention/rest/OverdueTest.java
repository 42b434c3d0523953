package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.retention.support.Customers;
import com.lendkeep.retention.support.Events;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Approvals have due times: an overdue one is flagged once and escalated with RETENTION_ITEM_OVERDUE (the point 6). */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class OverdueTest {

    @Test
    void anApprovalNotDecidedWithin48HoursIsEscalatedOnce() throws Exception {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        Events.loanOpened(customer, loan, "12000.00", "0.08", 12, LocalDate.now().minusMonths(2));
        Events.raise(customer, UUID.randomUUID(), loan, "INVOLUNTARY", "MEDIUM", "0.5", "2 consecutive missed installments");
        String id = Events.awaitIntervention(customer, "PAYMENT_EXTENSION");
        Instant proposedAt = Instant.parse(given().get("/interventions/" + id).then().extract().path("proposedAt"));
        Instant due = Instant.parse(given().get("/interventions/" + id).then().body("status", equalTo("PROPOSED"))
                .body("overdueAt", equalTo(null)).extract().path("approvalDueAt"));
        assertEquals(Duration.ofHours(48), Duration.between(proposedAt, due), "retention.approval.due-hours");

        given().post("/interventions/overdue?asOf=" + due.minusSeconds(1)).then().statusCode(200).body("interventionIds", not(hasItem(id)));
        given().post("/interventions/overdue?asOf=" + due).then().statusCode(200).body("interventionIds", hasItem(id));
        given().get("/interventions/" + id).then().body("overdueAt", notNullValue()).body("status", equalTo("PROPOSED"));
        given().post("/interventions/overdue?asOf=" + due.plusSeconds(60)).then().body("interventionIds", not(hasItem(id)));

        ConsumerRecord<String, String> escalation = Events.kafka().await("retention-events",
                r -> customer.toString().equals(r.key()) && r.value().contains("RETENTION_ITEM_OVERDUE"), Events.WAIT);
        JsonNode e = new ObjectMapper().readTree(escalation.value());
        assertEquals("APPROVAL", e.at("/data/item").asText());
        assertEquals(id, e.at("/data/itemId").asText());
        assertEquals(due, Instant.parse(e.at("/data/dueAt").asText()));
        assertEquals("retention-managers", e.at("/data/owner").asText());
        assertEquals(1, Events.kafka().readAll("retention-events", Duration.ofSeconds(3)).stream()
                .filter(r -> customer.toString().equals(r.key()) && r.value().contains("RETENTION_ITEM_OVERDUE")).count(), "escalated once");
    }
}
