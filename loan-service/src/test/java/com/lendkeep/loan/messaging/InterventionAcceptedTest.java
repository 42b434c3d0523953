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
        UUID customer = com.lendkeep.loan.TestSupport.knownCustomer();
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

    private static String accepted(UUID customer, UUID intervention, String loanId, String kind, String fields) {
        return """
                {"eventId":"%s","type":"INTERVENTION_ACCEPTED","source":"retention-service","occurredAt":"2026-11-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"interventionId":"%s","loanId":"%s","kind":"%s"%s}}""".formatted(
                UUID.randomUUID(), customer, intervention, loanId, kind, fields);
    }

    private static String open(UUID customer, String principal, String rate, int term) {
        com.lendkeep.loan.TestSupport.register(customer);
        LocalDate start = LocalDate.parse(given().get("/business-date").then().extract().path("date"));
        return given().contentType(ContentType.JSON).body(Map.of("customerId", customer.toString(), "principal", principal,
                "annualRate", rate, "termMonths", term, "startDate", start.toString(), "method", "ANNUITY"))
                .post("/loans").then().statusCode(201).extract().path("id");
    }

    /** loan-service's answer (LOAN_MODIFIED or LOAN_MODIFICATION_REJECTED) to each intervention, read in one pass. */
    private static java.util.Map<UUID, JsonNode> answers(UUID... interventions) throws Exception {
        java.util.Map<UUID, JsonNode> out = new java.util.HashMap<>();
        for (var r : kafka.awaitAll("loan-events", r -> java.util.Arrays.stream(interventions).anyMatch(i -> r.value().contains(i.toString()))
                && (r.value().contains("LOAN_MODIFIED") || r.value().contains("LOAN_MODIFICATION_REJECTED")), interventions.length,
                Duration.ofSeconds(30))) {
            JsonNode event = JSON.readTree(r.value());
            out.put(UUID.fromString(event.get("data").get("interventionId").asText()), event);
        }
        return out;
    }

    @Test
    void restructuringHolidayAndCompetitorRateMatchAreApplied() throws Exception {
        UUID customer = UUID.randomUUID();
        String restructured = open(customer, "12000.00", "0.09", 12);
        String holiday = open(customer, "6000.00", "0.12", 6);
        String matched = open(customer, "8000.00", "0.08", 8);
        UUID r = UUID.randomUUID();
        UUID h = UUID.randomUUID();
        UUID m = UUID.randomUUID();
        kafka.send("retention-events", customer.toString(), accepted(customer, r, restructured, "RESTRUCTURING",
                ",\"newAnnualRate\":0.04,\"newTermMonths\":18"));
        kafka.send("retention-events", customer.toString(), accepted(customer, h, holiday, "PAYMENT_HOLIDAY", ",\"holidayMonths\":3"));
        kafka.send("retention-events", customer.toString(), accepted(customer, m, matched, "COMPETITOR_RATE_MATCH", ",\"newAnnualRate\":0.035"));

        var answers = answers(r, h, m);
        JsonNode restructuring = answers.get(r).get("data");
        assertEquals("RESTRUCTURING", restructuring.get("modificationType").asText());
        assertEquals(18, restructuring.get("remainingDueDates").size());
        org.junit.jupiter.api.Assertions.assertTrue(restructuring.get("description").asText().contains("0.04"));
        given().get("/loans/" + restructured).then().body("schedule.size()", org.hamcrest.Matchers.equalTo(18))
                .body("annualRate", org.hamcrest.Matchers.equalTo(0.04f)).body("forbearanceUntil", org.hamcrest.Matchers.notNullValue());

        JsonNode paused = answers.get(h).get("data");
        assertEquals("PAYMENT_HOLIDAY", paused.get("modificationType").asText());
        org.junit.jupiter.api.Assertions.assertNotNull(paused.get("forbearanceUntil").textValue());

        JsonNode rate = answers.get(m).get("data");
        assertEquals("RATE_CHANGE", rate.get("modificationType").asText());
        org.junit.jupiter.api.Assertions.assertTrue(rate.get("description").asText().startsWith("COMPETITOR_RATE_MATCH: annual rate changed to 0.035"),
                rate.get("description").asText());
        org.junit.jupiter.api.Assertions.assertTrue(rate.get("forbearanceUntil").isNull(), "a rate match is not forbearance");
        assertEquals("0.035", rate.get("annualRate").decimalValue().stripTrailingZeros().toPlainString(),
                "the event carries the rate after the change, for risk- and customer-service");
        assertEquals("0.04", restructuring.get("annualRate").decimalValue().stripTrailingZeros().toPlainString());
    }

    @Test
    void whatCannotBeAppliedIsAnsweredWithTheReason() throws Exception {
        UUID customer = UUID.randomUUID();
        String loanId = open(customer, "5000.00", "0.06", 6);
        UUID waiver = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        UUID holiday = UUID.randomUUID();
        kafka.send("retention-events", customer.toString(), accepted(customer, waiver, loanId, "FEE_WAIVER", ",\"feeWaived\":20"));
        kafka.send("retention-events", customer.toString(), accepted(customer, unknown, loanId, "CASHBACK", ""));
        kafka.send("retention-events", customer.toString(), accepted(customer, empty, loanId, "RESTRUCTURING", ""));
        kafka.send("retention-events", customer.toString(), accepted(customer, holiday, loanId, "PAYMENT_HOLIDAY", ",\"holidayMonths\":13"));
        var answers = answers(waiver, unknown, empty, holiday);
        for (JsonNode answer : answers.values()) {
            assertEquals("LOAN_MODIFICATION_REJECTED", answer.get("type").asText());
        }
        assertEquals("the loan has no unpaid fees to waive", answers.get(waiver).get("data").get("reason").asText());
        org.junit.jupiter.api.Assertions.assertTrue(answers.get(unknown).get("data").get("reason").asText().contains("CASHBACK"));
        org.junit.jupiter.api.Assertions.assertTrue(answers.get(empty).get("data").get("reason").asText().contains("RESTRUCTURING needs"));
        org.junit.jupiter.api.Assertions.assertTrue(answers.get(holiday).get("data").get("reason").asText().contains("holidayMonths must be 1..12"));
        given().get("/loans/" + loanId).then().body("scheduleVersion", org.hamcrest.Matchers.equalTo(1));
    }
}
