package com.lendkeep.loan.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An accepted extension from retention-service moves the unpaid due dates, exactly once. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class InterventionAcceptedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void extensionDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        LocalDate start = LocalDate.parse(given().get("/business-date").then().extract().path("date"));
        String loanId = given().contentType(ContentType.JSON).body(Map.of("customerId", customer.toString(), "principal", "6000.00",
                "annualRate", "0.05", "termMonths", 6, "startDate", start.toString(), "method", "ANNUITY"))
                .post("/loans").then().statusCode(201).extract().path("id");
        List<String> before = given().get("/loans/" + loanId).then().extract().path("schedule.dueDate");

        UUID intervention = UUID.randomUUID();
        String event = """
                {"eventId":"%s","type":"INTERVENTION_ACCEPTED","source":"retention-service","occurredAt":"2026-11-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"interventionId":"%s","loanId":"%s","kind":"PAYMENT_EXTENSION",
                 "extensionMonths":3}}""".formatted(UUID.randomUUID(), customer, intervention, loanId);
        kafka.send("retention-events", customer.toString(), event);
        kafka.send("retention-events", customer.toString(), event);
        // the same intervention again under a new event id (a re-sent command) must not extend twice either
        kafka.send("retention-events", customer.toString(), event.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\""));

        JsonNode modified = JSON.readTree(kafka.await("loan-events",
                r -> customer.toString().equals(r.key()) && r.value().contains("LOAN_MODIFIED"), Duration.ofSeconds(30)).value());
        assertEquals(intervention.toString(), modified.get("data").get("interventionId").asText());
        assertEquals(2, modified.get("data").get("scheduleVersion").asInt());

        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/loans/" + loanId).then().extract().<Integer>path("scheduleVersion") == 2);
        List<String> after = given().get("/loans/" + loanId).then().extract().path("schedule.dueDate");
        for (int i = 0; i < before.size(); i++) {
            assertEquals(LocalDate.parse(before.get(i)).plusMonths(3), LocalDate.parse(after.get(i)), "installment " + (i + 1));
        }
        given().get("/loans/" + loanId).then().body("forbearanceUntil", org.hamcrest.Matchers.notNullValue());
        long modifiedEvents = kafka.readAll("loan-events", Duration.ofSeconds(10)).stream()
                .filter(r -> customer.toString().equals(r.key()) && r.value().contains("LOAN_MODIFIED")).count();
        assertEquals(1, modifiedEvents, "one LOAN_MODIFIED for one intervention");
        given().get("/loans/" + loanId + "/schedule-versions").then().body("size()", org.hamcrest.Matchers.equalTo(2));
    }
}
