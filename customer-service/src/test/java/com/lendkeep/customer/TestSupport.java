package com.lendkeep.customer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;

import io.restassured.http.ContentType;

/** Requests, events and assertions the integration tests share. */
public final class TestSupport {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The key of system-wide events. */
    public static final String SYSTEM = new UUID(0, 0).toString();

    private TestSupport() {
    }

    public static String nationalId() {
        return "N" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    public static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    /** A valid registration body, mutable so that each test changes what it is about. */
    public static Map<String, Object> customer() {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "INDIVIDUAL");
        body.put("fullName", "Ana Lopez");
        body.put("nationalId", nationalId());
        body.put("email", "ana@example.com");
        body.put("relationshipSince", "2020-01-15");
        body.put("annualIncome", 52000);
        return body;
    }

    public static String register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/customers")
                .then().statusCode(201).extract().path("id");
    }

    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String type(ConsumerRecord<String, String> record) {
        return json(record.value()).path("type").asText();
    }

    public static Predicate<ConsumerRecord<String, String>> event(String customerId, String type) {
        return r -> customerId.equals(r.key()) && type.equals(type(r));
    }

    /** Asserts the envelope every LendKeep event has, and returns its payload. */
    public static JsonNode assertEnvelope(ConsumerRecord<String, String> record, String type, String customerId) {
        JsonNode event = json(record.value());
        assertEquals(customerId, record.key(), "the Kafka key is the customer id");
        assertEquals(type, event.get("type").asText());
        assertEquals("customer-service", event.get("source").asText());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals(customerId, event.get("customerId").asText());
        UUID.fromString(event.get("eventId").asText());
        assertNotNull(Instant.parse(event.get("occurredAt").asText()));
        assertEquals(event.get("eventId").asText(), KafkaTestClient.header(record, "event-id"));
        assertEquals(type, KafkaTestClient.header(record, "event-type"));
        assertTrue(event.get("data").isObject(), "data is an object");
        return event.get("data");
    }

    public static String envelope(String type, String customerId, Instant occurredAt, String data) {
        return """
                {"eventId":"%s","type":"%s","source":"loan-service","occurredAt":"%s","schemaVersion":1,"customerId":"%s","data":%s}
                """.formatted(UUID.randomUUID(), type, occurredAt, customerId, data);
    }

    /** An envelope as loan-service writes it now: with the loan book's business date. */
    public static String envelope(String type, String customerId, Instant occurredAt, LocalDate businessDate, String data) {
        return """
                {"eventId":"%s","type":"%s","source":"loan-service","occurredAt":"%s","schemaVersion":1,"customerId":"%s",
                 "data":%s,"businessDate":"%s"}
                """.formatted(UUID.randomUUID(), type, occurredAt, customerId, data, businessDate);
    }

    /** loan-service's BUSINESS_DATE_CHANGED: system-wide, keyed by the nil customer id. */
    public static String businessDateChanged(LocalDate date) {
        return envelope("BUSINESS_DATE_CHANGED", SYSTEM, Instant.now(), date, """
                {"businessDate":"%s","previousDate":null}
                """.formatted(date));
    }

    /** The date customer-service judges by (GET /business-date). */
    public static LocalDate today() {
        return LocalDate.parse(given().get("/business-date").then().statusCode(200).extract().<String>path("businessDate"));
    }

    public static String loanOpened(String customerId, UUID loanId, String principal, String rate, int termMonths, String startDate) {
        return envelope("LOAN_OPENED", customerId, Instant.now(), """
                {"loanId":"%s","principal":%s,"annualRate":%s,"termMonths":%d,"startDate":"%s","installmentAmount":1000.00}
                """.formatted(loanId, principal, rate, termMonths, startDate));
    }

    public static String loanClosed(String customerId, UUID loanId, String closure, String closedOn) {
        return envelope("LOAN_CLOSED", customerId, Instant.now(), """
                {"loanId":"%s","closure":"%s","closedOn":"%s","unrecoveredPrincipal":0.00,"unrecoveredInterest":0.00}
                """.formatted(loanId, closure, closedOn));
    }

    public static String repayment(String customerId, Instant occurredAt, UUID loanId, String paidOn, String outstanding,
            String interestPaid) {
        return envelope("REPAYMENT_RECEIVED", customerId, occurredAt, """
                {"loanId":"%s","paidOn":"%s","dueDate":"%s","amountDue":1000.00,"amountPaid":1000.00,"daysPastDue":0,
                 "onTime":true,"outstanding":%s,"creditLimit":null,"interestPaid":%s}
                """.formatted(loanId, paidOn, paidOn, outstanding, interestPaid));
    }
}
