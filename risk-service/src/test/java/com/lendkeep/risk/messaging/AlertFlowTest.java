package com.lendkeep.risk.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
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

/** Events in, alerts out: raised with reasons, no duplicates, hysteresis, cleared. Over real Kafka. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class AlertFlowTest {

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

    static String envelope(String type, UUID customer, String data) {
        return """
                {"eventId":"%s","type":"%s","source":"test","occurredAt":"2026-11-01T10:00:00Z","schemaVersion":1,
                 "customerId":"%s","data":%s}""".formatted(UUID.randomUUID(), type, customer, data);
    }

    static String missed(UUID customer, UUID loan, int dpd, int consecutive) {
        return envelope("PAYMENT_MISSED", customer, """
                {"loanId":"%s","installmentNumber":%d,"dueDate":"2026-10-01","amountDue":850.00,"daysPastDue":%d,
                 "consecutiveMissed":%d,"outstanding":9000.00}""".formatted(loan, consecutive, dpd, consecutive));
    }

    static String scoreChange(UUID customer, int change) {
        return envelope("CREDIT_SCORE_CHANGED", customer, """
                {"bureau":"EXPERIAN","previousScore":700,"newScore":%d,"change":%d,"scoreDate":"2026-10-15"}"""
                .formatted(700 + change, change));
    }

    static String repaid(UUID customer, UUID loan) {
        return envelope("REPAYMENT_RECEIVED", customer, """
                {"loanId":"%s","paidOn":"2026-11-05","dueDate":"2026-10-01","amountDue":1700.00,"amountPaid":1700.00,
                 "daysPastDue":35,"onTime":false,"outstanding":8000.00}""".formatted(loan));
    }

    @Test
    void alertIsRaisedOnceWithReasonsHeldInTheBandAndClearedBelowTheLowerThreshold() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        String key = customer.toString();
        // topics are not ordered against each other: let the score land first
        kafka.send("credit-score-events", key, scoreChange(customer, -120));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/risk/customers/" + key).statusCode() == 200);
        kafka.send("repayment-events", key, missed(customer, loan, 35, 2));
        // a second missed-payment event while the alert is open must not open a second alert
        String again = missed(customer, loan, 36, 2);
        kafka.send("repayment-events", key, again);
        kafka.send("repayment-events", key, again);

        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("customerId", key).get("/alerts")
                .then().extract().<List<?>>path("").size() == 1 && given().get("/risk/customers/" + key).then().extract()
                .<Integer>path("features.daysPastDue") == 36);
        given().queryParam("customerId", key).get("/alerts").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("OPEN")).body("[0].churnType", equalTo("INVOLUNTARY"))
                .body("[0].level", equalTo("CRITICAL")).body("[0].modelVersion", equalTo("scorecard-v1"))
                .body("[0].reasons", hasItem("2 consecutive missed installments"))
                .body("[0].reasons", hasItem("credit score fell 120 points"))
                .body("[0].loanId", equalTo(loan.toString()));

        JsonNode raised = JSON.readTree(kafka.await("churn-risk-alerts", r -> key.equals(r.key()), Duration.ofSeconds(20)).value());
        assertEquals("CHURN_RISK_ALERT_RAISED", raised.get("type").asText());
        assertEquals("CRITICAL", raised.get("data").get("level").asText());
        assertEquals("scorecard-v1", raised.get("data").get("modelVersion").asText());

        // repaid: back to current, but the credit-score fall keeps the score (0.25) between clear-below and medium
        kafka.send("repayment-events", key, repaid(customer, loan));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/risk/customers/" + key).then().extract()
                .<Integer>path("features.daysPastDue") == 0);
        given().queryParam("customerId", key).get("/alerts").then().body("[0].status", equalTo("OPEN"));
        given().get("/risk/customers/" + key).then().body("involuntaryLevel", equalTo("LOW"));

        // the score recovers: below clear-below, the alert clears
        kafka.send("credit-score-events", key, scoreChange(customer, 15));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLEARED".equals(given().queryParam("customerId", key).get("/alerts")
                .then().extract().path("[0].status")));
        var alertEvents = kafka.readAll("churn-risk-alerts", Duration.ofSeconds(10)).stream().filter(r -> key.equals(r.key()))
                .map(r -> r.value().contains("CHURN_RISK_ALERT_RAISED") ? "RAISED" : "CLEARED").toList();
        assertEquals(List.of("RAISED", "CLEARED"), alertEvents);
        given().get("/risk/customers/" + key).then().statusCode(200)
                .body("history[0].cause", equalTo("CREDIT_SCORE_CHANGED"))
                .body("history.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }

    @Test
    void unknownCustomerHasNoRiskProfile() {
        given().get("/risk/customers/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
