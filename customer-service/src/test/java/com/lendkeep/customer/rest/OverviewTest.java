package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The customer 360: score trend, recent contacts, consent, loans and the latest churn risk from risk-service's alerts. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class OverviewTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static String alert(String type, String customerId, Instant occurredAt, String data) {
        return """
                {"eventId":"%s","type":"%s","source":"risk-service","occurredAt":"%s","schemaVersion":1,"customerId":"%s","data":%s}
                """.formatted(UUID.randomUUID(), type, occurredAt, customerId, data);
    }

    private static String raised(String customerId, Instant at, UUID alertId, String churnType, String level, String score) {
        return alert("CHURN_RISK_ALERT_RAISED", customerId, at, """
                {"alertId":"%s","churnType":"%s","level":"%s","score":%s,"reasons":["rate complaint with competitor offer",
                 "credit score fell by 60 points"],"modelVersion":"scorecard-v1","loanId":null}""".formatted(alertId, churnType, level, score));
    }

    private static String cleared(String customerId, Instant at, UUID alertId, String churnType, String score) {
        return alert("CHURN_RISK_ALERT_CLEARED", customerId, at, """
                {"alertId":"%s","churnType":"%s","score":%s}""".formatted(alertId, churnType, score));
    }

    @Test
    void overviewBringsTheCustomerTogether() {
        String id = register(customer());
        LocalDate today = LocalDate.now();
        for (var score : List.of(Map.entry(700, 60), Map.entry(680, 30), Map.entry(640, 1))) {
            given().contentType(ContentType.JSON).body(Map.of("bureau", "EXPERIAN", "score", score.getKey(),
                    "scoreDate", today.minusDays(score.getValue()).toString())).post("/customers/" + id + "/credit-scores").then().statusCode(201);
        }
        for (var topic : List.of("PAYOFF_INQUIRY", "COMPETITOR_OFFER")) {
            given().contentType(ContentType.JSON).body(Map.of("kind", "INQUIRY", "topic", topic, "channel", "PHONE",
                    "contactDate", (topic.equals("PAYOFF_INQUIRY") ? today.minusDays(3) : today).toString()))
                    .post("/customers/" + id + "/contacts").then().statusCode(201);
        }

        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(3600);
        UUID voluntary = UUID.randomUUID();
        UUID involuntary = UUID.randomUUID();
        kafka.send("churn-risk-alerts", id, raised(id, t0, voluntary, "VOLUNTARY", "HIGH", "0.82"));
        kafka.send("churn-risk-alerts", id, raised(id, t0, involuntary, "INVOLUNTARY", "MEDIUM", "0.41"));
        kafka.send("churn-risk-alerts", id, cleared(id, t0.plusSeconds(600), voluntary, "VOLUNTARY", "0.31"));
        // late and stale: an older raise, and a clearing of an alert that is not the current one
        kafka.send("churn-risk-alerts", id, raised(id, t0.minusSeconds(600), UUID.randomUUID(), "VOLUNTARY", "CRITICAL", "0.95"));
        kafka.send("churn-risk-alerts", id, cleared(id, t0.plusSeconds(900), UUID.randomUUID(), "INVOLUNTARY", "0.10"));
        // same key, same partition: once this one is in, all before it are
        kafka.send("churn-risk-alerts", id, raised(id, t0, UUID.randomUUID(), "ZZ_MARKER", "LOW", "0.01"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/customers/" + id + "/overview").then().extract()
                .jsonPath().getList("churnRisk").size() == 3);

        given().get("/customers/" + id + "/overview").then().log().ifValidationFails().statusCode(200)
                .body("profile.id", equalTo(id))
                .body("profile.grade.value", equalTo("B"))
                .body("profile.relationshipDepth.inputs.contactsLast12Months", equalTo(2))
                .body("creditScores.latest", equalTo(640))
                .body("creditScores.latestBureau", equalTo("EXPERIAN"))
                .body("creditScores.change", equalTo(-40))
                .body("creditScores.changeOverPoints", equalTo(-60))
                .body("creditScores.direction", equalTo("FALLING"))
                .body("creditScores.points.score", contains(700, 680, 640))
                .body("recentContacts.topic", contains("COMPETITOR_OFFER", "PAYOFF_INQUIRY"))
                .body("contactPreferences.doNotContact", equalTo(false))
                .body("loans.size()", equalTo(0))
                .body("loanSummary.activeLoans", equalTo(0))
                .body("churnRisk.churnType", contains("INVOLUNTARY", "VOLUNTARY", "ZZ_MARKER"))
                .body("churnRisk[0].status", equalTo("RAISED"))
                .body("churnRisk[0].level", equalTo("MEDIUM"))
                .body("churnRisk[0].score", equalTo(0.41f))
                .body("churnRisk[0].alertId", equalTo(involuntary.toString()))
                .body("churnRisk[1].status", equalTo("CLEARED"))
                .body("churnRisk[1].level", equalTo("HIGH"))
                .body("churnRisk[1].score", equalTo(0.31f))
                .body("churnRisk[1].reasons", contains("rate complaint with competitor offer", "credit score fell by 60 points"))
                .body("churnRisk[1].clearedAt", equalTo(t0.plusSeconds(600).toString()))
                .body("churnRisk[1].loanId", nullValue());
    }

    @Test
    void overviewOfACustomerWithoutHistory() {
        String id = register(customer());
        given().get("/customers/" + id + "/overview").then().statusCode(200)
                .body("creditScores.direction", equalTo("NONE")).body("creditScores.points.size()", equalTo(0))
                .body("recentContacts.size()", equalTo(0)).body("churnRisk.size()", equalTo(0))
                .body("contactPreferences.contactableToday", equalTo(true));
    }
}
