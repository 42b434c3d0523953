package com.lendkeep.retention.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

/**
 * Events shaped as loan-service, risk-service and customer-service publish them (docs/events.md),
 * sent to the real topics, and helpers to wait for their effect through the API.
 */
public final class Events {
    private Events() {
    }

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    public static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
        }
        return kafka;
    }

    public static String envelope(UUID eventId, String type, UUID customer, Instant occurredAt, String data) {
        return """
                {"eventId":"%s","type":"%s","source":"test","occurredAt":"%s","schemaVersion":1,"customerId":"%s","data":%s}"""
                .formatted(eventId, type, occurredAt, customer, data);
    }

    /** As loan-service sends them: stamped with the loan book's business date. */
    public static String envelopeOn(String type, UUID customer, Instant occurredAt, LocalDate businessDate, String data) {
        return """
                {"eventId":"%s","type":"%s","source":"test","occurredAt":"%s","schemaVersion":1,"customerId":"%s","data":%s,"businessDate":"%s"}"""
                .formatted(UUID.randomUUID(), type, occurredAt, customer, data, businessDate);
    }

    /** loan-service's close of business: the business date moves to {@code date}; waits until retention-service knows it. */
    public static void businessDate(LocalDate date) {
        UUID system = new UUID(0L, 0L);
        send("loan-events", system, envelopeOn("BUSINESS_DATE_CHANGED", system, Instant.now(), date, """
                {"businessDate":"%s","previousDate":null}""".formatted(date)));
        await().atMost(WAIT).until(() -> given().get("/reports/churn?from=2000-01-01&to=2000-01-01&asOf=" + date).statusCode() == 200);
    }

    /** A retention manager (never the proposer, `system`) approves: forbearance always waits for a person. */
    public static void approve(String interventionId) {
        given().contentType(io.restassured.http.ContentType.JSON).header(com.lendkeep.infra.TestUsers.as("team.lead")).body("{}")
                .post("/interventions/" + interventionId + "/approve").then().statusCode(200);
    }

    /** loan-service's DELINQUENCY_CHANGED for a loan, with its days past due and unpaid fees (null: not said). */
    public static void delinquency(UUID customer, UUID loan, int daysPastDue, String feesOutstanding) {
        String bucket = daysPastDue == 0 ? "null" : daysPastDue <= 30 ? "\"1-30\"" : daysPastDue <= 60 ? "\"31-60\"" : "\"61-90\"";
        send("loan-events", customer, envelope("DELINQUENCY_CHANGED", customer, Instant.now(), """
                {"loanId":"%s","previousBucket":null,"newBucket":%s,"daysPastDue":%d,"overdueAmount":0.00,"feesOutstanding":%s}"""
                .formatted(loan, bucket, daysPastDue, feesOutstanding)));
    }

    public static String envelope(String type, UUID customer, Instant occurredAt, String data) {
        return envelope(UUID.randomUUID(), type, customer, occurredAt, data);
    }

    public static void send(String topic, UUID customer, String envelope) {
        kafka().send(topic, customer.toString(), envelope);
    }

    public static void loanOpened(UUID customer, UUID loan, String principal, String rate, int term, LocalDate start) {
        send("loan-events", customer, envelope("LOAN_OPENED", customer, Instant.now(), """
                {"loanId":"%s","principal":%s,"annualRate":%s,"termMonths":%d,"startDate":"%s","installmentAmount":1000.00}"""
                .formatted(loan, principal, rate, term, start)));
    }

    public static String alert(UUID customer, UUID alert, UUID loan, String churnType, String level, String score, Instant at,
            String... reasons) {
        String list = List.of(reasons).stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        return envelope("CHURN_RISK_ALERT_RAISED", customer, at, """
                {"alertId":"%s","churnType":"%s","level":"%s","score":%s,"reasons":[%s],"modelVersion":"scorecard-v1","loanId":%s}"""
                .formatted(alert, churnType, level, score, list, loan == null ? "null" : "\"" + loan + "\""));
    }

    public static void raise(UUID customer, UUID alert, UUID loan, String churnType, String level, String score, String... reasons) {
        send("churn-risk-alerts", customer, alert(customer, alert, loan, churnType, level, score, Instant.now(), reasons));
    }

    /** loan-service's answer to an applied intervention. */
    public static String loanModified(UUID customer, UUID loan, String interventionId, String type, LocalDate forbearanceUntil,
            List<LocalDate> remaining) {
        return envelope("LOAN_MODIFIED", customer, Instant.now(), """
                {"loanId":"%s","modificationType":"%s","interventionId":"%s","scheduleVersion":2,"description":"applied by test",
                 "forbearanceUntil":%s,"remainingDueDates":[%s]}""".formatted(loan, type, interventionId,
                forbearanceUntil == null ? "null" : "\"" + forbearanceUntil + "\"",
                remaining.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","))));
    }

    public static String modificationRejected(UUID customer, UUID loan, String interventionId, String reason) {
        return envelope("LOAN_MODIFICATION_REJECTED", customer, Instant.now(), """
                {"loanId":"%s","interventionId":"%s","reason":"%s"}""".formatted(loan, interventionId, reason));
    }

    public static String loanClosed(UUID customer, UUID loan, String closure, LocalDate closedOn, Instant at, String principal, String interest) {
        return envelope("LOAN_CLOSED", customer, at, """
                {"loanId":"%s","closure":"%s","closedOn":"%s","unrecoveredPrincipal":%s,"unrecoveredInterest":%s}"""
                .formatted(loan, closure, closedOn, principal, interest));
    }

    public static void preferences(UUID customer, boolean doNotContact, List<String> channels, String quiet) {
        String list = channels.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        send("customer-events", customer, envelope("CONTACT_PREFERENCES_CHANGED", customer, Instant.now(), """
                {"doNotContact":%s,"allowedChannels":[%s],"quietPeriods":[%s]}""".formatted(doNotContact, list, quiet == null ? "" : quiet)));
    }

    public static void tier(UUID customer, String tier) {
        send("customer-events", customer, envelope("TIER_CHANGED", customer, Instant.now(), """
                {"previousTier":null,"newTier":"%s","reason":"test"}""".formatted(tier)));
        await().atMost(WAIT).until(() -> tier.equals(given().get("/customers/" + customer).then().extract().path("tier")));
    }

    /** Waits until the customer has {@code n} interventions and returns their ids, oldest first. */
    public static List<String> awaitInterventions(UUID customer, int n) {
        await().atMost(WAIT).until(() -> given().queryParam("customerId", customer.toString()).get("/interventions")
                .then().extract().<List<?>>path("").size() >= n);
        List<String> ids = given().queryParam("customerId", customer.toString()).get("/interventions").then().extract().path("id");
        return ids.reversed();
    }

    public static String awaitIntervention(UUID customer, String kind) {
        await().atMost(WAIT).until(() -> !given().queryParam("customerId", customer.toString()).queryParam("kind", kind)
                .get("/interventions").then().extract().<List<?>>path("").isEmpty());
        return given().queryParam("customerId", customer.toString()).queryParam("kind", kind).get("/interventions")
                .then().extract().path("[0].id");
    }

    public static void awaitCase(UUID alert) {
        await().atMost(WAIT).until(() -> given().get("/cases/" + alert).statusCode() == 200);
    }

    public static void awaitStatus(String interventionId, String status) {
        await().atMost(WAIT).until(() -> status.equals(given().get("/interventions/" + interventionId).then().extract().path("status")));
    }
}
