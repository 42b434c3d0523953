package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.SharedTestInfra;

import io.restassured.http.ContentType;

/**
 * What a platform team sees of the four running services (docs/operations.md): Prometheus metrics
 * at /q/metrics that move with the traffic, readiness that includes the event pipeline, and JSON
 * logs (the e2e stack runs with LOG_JSON=true) without personal data.
 */
class OperationsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ServiceProcesses services;

    @BeforeAll
    static void start() throws Exception {
        services = E2eStack.services();
    }

    @Test
    void everyServiceServesTheNamedMetricsAndTheyMove() {
        // a business read (as the test's default user), counted by route and status
        Map<String, String> reads = Map.of("customer-service", "/customers", "loan-service", "/portfolio",
                "risk-service", "/alerts", "retention-service", "/cases");
        for (String service : ServiceProcesses.SERVICES) {
            String url = services.url(service);
            String path = reads.get(service);
            String series = "status=\"200\",uri=\"" + path + "\"";
            double before = sum(metrics(url), "http_server_requests_seconds_count", series);
            given().get(url + path).then().statusCode(200);
            given().get(url + path).then().statusCode(200);
            String after = metrics(url);
            assertEquals(before + 2, sum(after, "http_server_requests_seconds_count", series), 0.0001,
                    service + ": HTTP server metrics count each request");
            assertTrue(after.contains("http_server_requests_seconds_bucket{"), service + " serves latency buckets");
            for (String name : List.of("lendkeep_outbox_pending_events", "lendkeep_outbox_oldest_pending_age_seconds",
                    "lendkeep_inbox_duplicates_skipped_total", "lendkeep_dead_letters_total")) {
                assertTrue(after.contains("\n" + name), service + " serves " + name);
            }
            // the lag of each of the service's consumer groups, per topic, once the sampler has run
            await().atMost(WAIT).untilAsserted(() -> assertTrue(
                    metrics(url).contains("lendkeep_kafka_consumer_lag_messages{group=\"" + service + "\""),
                    service + " serves the lag of its consumer group"));
            given().get(url + "/q/health/ready").then().statusCode(200)
                    .body("checks.name", hasItem("event pipeline"));
        }
        // customer-service's read cache: two reads of one profile are two requests of the cache (a miss and a hit,
        // or bypasses while its change listener is not listening)
        String customers = services.url("customer-service");
        String id = given().get(customers + "/customers").then().statusCode(200).extract().path("items[0].id");
        double cacheBefore = sum(metrics(customers), "lendkeep_customer_read_cache_requests_total", "");
        given().get(customers + "/customers/" + id).then().statusCode(200);
        given().get(customers + "/customers/" + id).then().statusCode(200);
        assertEquals(cacheBefore + 2, sum(metrics(customers), "lendkeep_customer_read_cache_requests_total", ""), 0.0001,
                "read-cache requests counted");
    }

    /** Runs after ChurnCaseEndToEndTest (classes run in name order): its alert, intervention and COB show. */
    @Test
    void businessGaugesShowTheChurnCase() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertTrue(sum(metrics(services.url("risk-service")), "lendkeep_risk_alerts_open", "churn_type=\"INVOLUNTARY\"") >= 1,
                    "open involuntary alerts");
            String retention = metrics(services.url("retention-service"));
            assertTrue(sum(retention, "lendkeep_retention_interventions", "status=\"APPLIED\"") >= 1, "applied interventions");
            assertTrue(sum(retention, "lendkeep_retention_budget_committed", "") > 0, "budget committed");
            String loan = metrics(services.url("loan-service"));
            assertTrue(sum(loan, "lendkeep_loan_cob_runs", "") >= 1, "close-of-business runs");
            assertTrue(loan.contains("\nlendkeep_loan_cob_last_duration_seconds"), "last close-of-business duration");
            assertTrue(sum(loan, "lendkeep_outbox_published_events_total", "") >= 1, "events published by the relay");
            assertTrue(sum(metrics(services.url("risk-service")), "lendkeep_inbox_processed_events_total", "") >= 1,
                    "events processed by risk-service");
            assertTrue(sum(metrics(services.url("risk-service")), "lendkeep_risk_scoring_batch_seconds_count", "") >= 1,
                    "batches scored by risk-service");
            assertTrue(sum(loan, "lendkeep_loan_cob_loans_processed_total", "") >= 1, "loans closed by close of business");
        });
    }

    @Test
    void duplicatesAndDeadLettersAreCounted() {
        String risk = services.url("risk-service");
        String retention = services.url("retention-service");
        double duplicatesBefore = sum(metrics(retention), "lendkeep_inbox_duplicates_skipped_total", "");
        double poisonBefore = sum(metrics(retention), "lendkeep_dead_letters_total", "reason=\"invalid-envelope\"");
        double riskPoisonBefore = sum(metrics(risk), "lendkeep_dead_letters_total", "reason=\"invalid-envelope\"");

        UUID customerId = UUID.randomUUID();
        String event = """
                {"eventId":"%s","type":"CUSTOMER_REGISTERED","source":"ops-test","occurredAt":"2026-12-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"customerId":"%s","customerType":"INDIVIDUAL"}}"""
                .formatted(UUID.randomUUID(), customerId, customerId).replace("\n", "");
        try (KafkaTestClient kafka = new KafkaTestClient(SharedTestInfra.bootstrapServers())) {
            kafka.send("customer-events", customerId.toString(), event);
            kafka.send("customer-events", customerId.toString(), event);
            kafka.send("customer-events", customerId.toString(), "not json at all");
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertTrue(sum(metrics(retention), "lendkeep_inbox_duplicates_skipped_total", "") >= duplicatesBefore + 1,
                    "the second copy is counted as a duplicate skipped");
            assertTrue(sum(metrics(retention), "lendkeep_dead_letters_total", "reason=\"invalid-envelope\"") >= poisonBefore + 1,
                    "the unreadable message is counted as a dead letter (retention-service, one-by-one consumer)");
            assertTrue(sum(metrics(risk), "lendkeep_dead_letters_total", "reason=\"invalid-envelope\"") >= riskPoisonBefore + 1,
                    "and by risk-service (batch consumer)");
        });
    }

    @Test
    void logsAreJsonAndCarryNoPersonalData() throws Exception {
        String customers = services.url("customer-service");
        String fullName = "Zelda Opsworth";
        String nationalId = "OPS" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", fullName, "nationalId", nationalId,
                "relationshipSince", "2020-01-01", "annualIncome", 41000))
                .post(customers + "/customers").then().statusCode(201);
        // the same national id again: a conflict, the kind of failure that might log the input
        given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", fullName, "nationalId", nationalId,
                "relationshipSince", "2020-01-01", "annualIncome", 41000))
                .post(customers + "/customers").then().statusCode(equalTo(409));

        for (String service : ServiceProcesses.SERVICES) {
            List<String> lines = Files.readAllLines(services.log(service));
            long records = 0;
            for (String line : lines) {
                if (line.startsWith("{")) {
                    JsonNode record = JSON.readTree(line);
                    assertTrue(record.has("timestamp") && record.has("level") && record.has("message"),
                            service + " log record has time, level and message: " + line);
                    records++;
                }
                for (String personal : List.of(fullName, nationalId, "Ana Lopez")) {
                    assertFalse(line.contains(personal), service + " log holds personal data (" + personal + "): " + line);
                }
            }
            assertTrue(records > 5, service + " logs in JSON (" + records + " records)");
        }
    }

    private static String metrics(String url) {
        return given().get(url + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labelFilter}. */
    private static double sum(String exposition, String name, String labelFilter) {
        // OpenMetrics (what /q/metrics answers a scraper): a sample may end with an exemplar, "# {trace_id=...} 1.0 ts"
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)( # .*)?$").matcher(exposition);
        double total = 0;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labels.contains(labelFilter)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
