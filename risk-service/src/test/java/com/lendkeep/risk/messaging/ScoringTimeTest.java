package com.lendkeep.risk.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.risk.service.BusinessCalendar;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** lendkeep_risk_scoring_batch_seconds: each batch of consumed events that scores customers is timed. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ScoringTimeTest {

    private static KafkaTestClient kafka;

    @Inject
    MeterRegistry registry;
    @Inject
    BusinessCalendar calendar;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aBatchThatScoresACustomerIsTimed() {
        Events.startAt(QuarkusTransaction.requiringNew().call(calendar::refresh));
        long batchesBefore = timer().count();
        UUID customer = UUID.randomUUID();
        kafka.send("repayment-events", customer.toString(), Events.missed(customer, UUID.randomUUID(), Events.BOOK.minusDays(5), 5, 1));

        await().atMost(Duration.ofSeconds(40)).until(() -> given().get("/risk/customers/" + customer).statusCode() == 200);
        assertTrue(timer().count() > batchesBefore, "the batch that scored the customer was timed");
        assertTrue(timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("lendkeep_risk_scoring_batch_seconds_count"), "served at /q/metrics");
        assertTrue(scraped.contains("lendkeep_risk_scoring_batch_seconds_bucket{le=\"0.25\"}"), "with buckets for a p95");
    }

    private Timer timer() {
        return registry.get("lendkeep.risk.scoring.batch").timer();
    }
}
