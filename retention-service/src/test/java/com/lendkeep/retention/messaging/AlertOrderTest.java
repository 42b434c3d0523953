package com.lendkeep.retention.messaging;

import static com.lendkeep.retention.support.Events.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.retention.support.Customers;
import com.lendkeep.retention.support.Events;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One alert's events can reach retention-service out of order: the fault suite saw, after a Kafka
 * restart, an alert's CHURN_RISK_ALERT_UPDATED on the topic before its RAISED (a relay retry), and the
 * update was dropped as "never raised here" while the re-sent copy was then skipped as a duplicate:
 * the case stayed at the raise's level. Whatever the order, the case ends at the newest event's level
 * and begins when the alert began.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class AlertOrderTest {

    @Test
    void anUpdateBeforeItsRaiseOpensTheCaseAndTheLateRaiseChangesNoLevel() {
        UUID customer = Customers.treatment();
        UUID alert = UUID.randomUUID();
        Instant raised = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        Instant updated = raised.plusSeconds(60);
        Events.send("churn-risk-alerts", customer, update(customer, alert, "MEDIUM", "HIGH", "0.72", updated));
        Events.awaitCase(alert);
        given().get("/cases/" + alert).then().body("level", equalTo("HIGH")).body("status", equalTo("OPEN"));

        // the raise (MEDIUM, a minute older) arrives now: the alert began then, its level stays the update's
        Events.send("churn-risk-alerts", customer, Events.alert(customer, alert, null, "VOLUNTARY", "MEDIUM", "0.5", raised,
                "asked for a payoff quote once"));
        await().atMost(WAIT).until(() -> raised.toString().equals(given().get("/cases/" + alert).then().extract().path("alertedAt")));
        given().get("/cases/" + alert).then().body("level", equalTo("HIGH"));
    }

    @Test
    void anOlderUpdateArrivingLateChangesNothing() {
        UUID customer = Customers.treatment();
        UUID alert = UUID.randomUUID();
        Instant raised = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        Events.send("churn-risk-alerts", customer, Events.alert(customer, alert, null, "VOLUNTARY", "MEDIUM", "0.5", raised,
                "asked for a payoff quote once"));
        Events.awaitCase(alert);
        Events.send("churn-risk-alerts", customer, update(customer, alert, "HIGH", "CRITICAL", "0.91", raised.plusSeconds(200)));
        await().atMost(WAIT).until(() -> "CRITICAL".equals(given().get("/cases/" + alert).then().extract().path("level")));
        // the HIGH written between them comes last: older than what the case holds, it is ignored
        Events.send("churn-risk-alerts", customer, update(customer, alert, "MEDIUM", "HIGH", "0.72", raised.plusSeconds(100)));
        // a marker on the same partition (same customer key) shows the late update has been consumed
        UUID marker = UUID.randomUUID();
        Events.send("churn-risk-alerts", customer, Events.alert(customer, marker, null, "VOLUNTARY", "MEDIUM", "0.5", Instant.now(),
                "asked for a payoff quote once"));
        Events.awaitCase(marker);
        given().get("/cases/" + alert).then().body("level", equalTo("CRITICAL"));
    }

    private static String update(UUID customer, UUID alert, String previous, String level, String score, Instant at) {
        return Events.envelope("CHURN_RISK_ALERT_UPDATED", customer, at, """
                {"alertId":"%s","churnType":"VOLUNTARY","previousLevel":"%s","level":"%s","score":%s,
                 "reasons":["asked for a payoff quote twice"],"modelVersion":"scorecard-v1","loanId":null}"""
                .formatted(alert, previous, level, score));
    }
}
