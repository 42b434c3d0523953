package com.lendkeep.customer.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.SaslInfraTestResource;
import com.lendkeep.infra.SharedTestInfra;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * customer-service against a broker listener that requires SASL/PLAIN: its only bootstrap address
 * is that listener, so events flowing prove that every Kafka client it has takes the same
 * {@code kafka.*} security settings: the outbox relay, the consuming channels, both dead-letter
 * producers (SmallRye's and the batch consumers') and the lag monitor's admin client.
 */
@QuarkusTest
@TestProfile(SaslKafkaTest.Sasl.class)
class SaslKafkaTest {

    public static class Sasl implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SaslInfraTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(SharedTestInfra.bootstrapServers()); // the test's own reader: the plain listener
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theOutboxRelayPublishesThroughTheSaslListener() {
        String nationalId = "SASL" + System.nanoTime();
        String id = given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Sasl Tester",
                "nationalId", nationalId, "relationshipSince", "2020-01-01", "annualIncome", 30000))
                .post("/customers").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> registered = kafka.await("customer-events", r -> id.equals(r.key()), WAIT);
        assertTrue(registered.value().contains("CUSTOMER_REGISTERED"));
    }

    @Test
    void consumersAndBothDeadLetterProducersWorkThroughTheSaslListener() {
        String oneByOne = "not an event " + UUID.randomUUID(); // loan-events: one message at a time, SmallRye's dead-letter strategy
        String batched = "not an event either " + UUID.randomUUID(); // repayment-events: batches, the platform's DeadLetters
        kafka.send("loan-events", UUID.randomUUID().toString(), oneByOne);
        kafka.send("repayment-events", UUID.randomUUID().toString(), batched);
        for (String poison : List.of(oneByOne, batched)) {
            ConsumerRecord<String, String> dead = kafka.await("customer-service.dlq", r -> poison.equals(r.value()), WAIT);
            assertEquals(poison, dead.value());
        }
    }

    @Test
    void theLagMonitorReadsTheBrokerThroughTheSaslListener() {
        await().atMost(WAIT).untilAsserted(() -> assertTrue(given().get("/q/metrics").then().statusCode(200).extract().asString()
                .contains("lendkeep_kafka_consumer_lag_messages{group=\"customer-service\""), "the lag of customer-service's group"));
    }
}
