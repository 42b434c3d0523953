package com.lendkeep.retention.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Alert in, proposal, acceptance out to loan-service, confirmation back: over real Kafka. */
@QuarkusTest
@TestProfile(InterventionLifecycleTest.NoControlGroup.class)
@QuarkusTestResource(RealInfraTestResource.class)
class InterventionLifecycleTest {

    public static class NoControlGroup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retention.control-group.share", "0");
        }
    }

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

    @Test
    void alertBecomesAProposedExtensionWhichIsAcceptedSentAndMarkedApplied() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        String raised = envelope("CHURN_RISK_ALERT_RAISED", customer, """
                {"alertId":"%s","churnType":"INVOLUNTARY","level":"HIGH","score":0.61,
                 "reasons":["2 consecutive missed installments"],"modelVersion":"scorecard-v1","loanId":"%s"}""".formatted(alert, loan));
        kafka.send("churn-risk-alerts", customer.toString(), raised);
        kafka.send("churn-risk-alerts", customer.toString(), raised);

        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("customerId", customer.toString()).get("/interventions")
                .then().extract().<List<?>>path("").size() == 1);
        String id = given().queryParam("customerId", customer.toString()).get("/interventions").then()
                .body("[0].kind", equalTo("PAYMENT_EXTENSION")).body("[0].status", equalTo("PROPOSED"))
                .body("[0].extensionMonths", equalTo(3)).body("[0].loanId", equalTo(loan.toString()))
                .extract().path("[0].id");

        given().contentType(ContentType.JSON).body(Map.of("decidedBy", "advisor.lee")).post("/interventions/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("advisor.lee"));
        given().contentType(ContentType.JSON).body(Map.of("decidedBy", "advisor.lee")).post("/interventions/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> sent = kafka.awaitAll("retention-events",
                r -> customer.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        JsonNode accepted = JSON.readTree(sent.get(0).value());
        assertEquals("INTERVENTION_ACCEPTED", accepted.get("type").asText());
        assertEquals(id, accepted.get("data").get("interventionId").asText());
        assertEquals(3, accepted.get("data").get("extensionMonths").asInt());
        assertEquals(1, kafka.readAll("retention-events", Duration.ofSeconds(5)).stream()
                .filter(r -> customer.toString().equals(r.key())).count(), "accepting twice sends once");

        kafka.send("loan-events", customer.toString(), envelope("LOAN_MODIFIED", customer, """
                {"loanId":"%s","modificationType":"PAYMENT_EXTENSION","interventionId":"%s","scheduleVersion":2,
                 "description":"unpaid installments deferred by 3 month(s)","forbearanceUntil":"2028-11-01",
                 "remainingDueDates":["2027-02-01"]}""".formatted(loan, id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPLIED".equals(given().get("/interventions/" + id).then().extract().path("status")));

        given().contentType(ContentType.JSON).body(Map.of("decidedBy", "x")).post("/interventions/" + id + "/decline")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void rejectedModificationMarksTheInterventionFailedWithTheReason() {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        kafka.send("churn-risk-alerts", customer.toString(), envelope("CHURN_RISK_ALERT_RAISED", customer, """
                {"alertId":"%s","churnType":"VOLUNTARY","level":"MEDIUM","score":0.35,
                 "reasons":["asked for a payoff quote twice"],"modelVersion":"scorecard-v1","loanId":"%s"}""".formatted(UUID.randomUUID(), loan)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("customerId", customer.toString()).get("/interventions")
                .then().extract().<List<?>>path("").size() == 1);
        String id = given().queryParam("customerId", customer.toString()).get("/interventions").then()
                .body("[0].kind", equalTo("LOYALTY_RATE")).extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("decidedBy", "advisor.lee")).post("/interventions/" + id + "/accept").then().statusCode(200);
        kafka.send("loan-events", customer.toString(), envelope("LOAN_MODIFICATION_REJECTED", customer, """
                {"loanId":"%s","interventionId":"%s","reason":"loan is closed (PREPAID)"}""".formatted(loan, id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(given().get("/interventions/" + id).then().extract().path("status")));
        given().get("/interventions/" + id).then().body("outcomeDetail", equalTo("loan-service: loan is closed (PREPAID)"));
    }
}
