package com.lendkeep.customer.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Readiness goes DOWN when the outbox relay is stuck, and UP again once it moves. The relay is
 * stuck for real: an old outbox row for a topic name Kafka refuses cannot be published, and the
 * relay publishes in order, so nothing after it leaves either.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@TestProfile(StuckOutboxReadinessTest.FastSampling.class)
class StuckOutboxReadinessTest {

    public static class FastSampling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lendkeep.ops.sample-interval", "PT1S", "lendkeep.health.outbox-max-age", "PT30S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessFailsWhileTheOldestUnpublishedEventIsTooOldThenRecovers() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, created_at) "
                        + "VALUES (?, 'no such topic!', 'k', 'CUSTOMER_REGISTERED', '{}', now() - interval '1 hour')")) {
            insert.setObject(1, eventId);
            insert.executeUpdate();
        }
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event pipeline' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'event pipeline' }.data.reason", containsString("outbox relay stuck")));
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE event_id = ?")) {
                delete.setObject(1, eventId);
                delete.executeUpdate();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
