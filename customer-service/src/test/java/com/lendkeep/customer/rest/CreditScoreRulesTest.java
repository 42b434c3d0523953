package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Scores as the bureau gave them (issue 17, point 5): whole numbers in range, no event for a repeat, changes per bureau. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CreditScoreRulesTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static ValidatableResponse post(String id, String bureau, Object score, LocalDate date) {
        return given().contentType(ContentType.JSON).body(Map.of("bureau", bureau, "score", score, "scoreDate", date.toString()))
                .post("/customers/" + id + "/credit-scores").then();
    }

    @Test
    void fractionalAndOutOfRangeScoresAreRefusedNamingTheField() {
        String id = register(customer());
        LocalDate day = today().minusDays(3);
        // reproduction: 700.5 was stored as 700
        for (Object bad : new Object[] {700.5, 299, 901, 299.99, 900.01, -700}) {
            post(id, "EXPERIAN", bad, day).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("score"));
        }
        post(id, "EXPERIAN", 700.5, day).body("detail", containsString("whole number"));
        given().get("/customers/" + id + "/credit-scores").then().statusCode(200).body("size()", equalTo(0));
        // the bounds themselves are scores
        post(id, "EXPERIAN", 300, day.minusDays(1)).statusCode(201);
        post(id, "EXPERIAN", 900, day).statusCode(201).body("score", equalTo(900));
    }

    @Test
    void anIdenticalRepeatIsANoOpWithoutAnEvent() {
        String id = register(customer());
        LocalDate day = today().minusDays(2);
        post(id, "EQUIFAX", 710, day).statusCode(201).body("effect", equalTo("NEW_LATEST"));
        post(id, "equifax ", 710, day).statusCode(200).body("effect", equalTo("DUPLICATE"));
        post(id, "EQUIFAX", 710, day).statusCode(200).body("effect", equalTo("DUPLICATE"));
        long events = kafka.readAll("credit-score-events", Duration.ofSeconds(10)).stream().filter(r -> id.equals(r.key())).count();
        assertEquals(1, events, "only the first of three identical scores is a change");
    }

    /** Reproduction: EQUIFAX 760 then EXPERIAN 690 read as "fell 70"; bureaus score on their own scales. */
    @Test
    void theChangeIsAgainstTheSameBureausPreviousScore() {
        String id = register(customer());
        LocalDate day = today().minusDays(20);
        post(id, "EQUIFAX", 760, day).statusCode(201);
        post(id, "EXPERIAN", 690, day.plusDays(1)).statusCode(201);
        post(id, "EXPERIAN", 700, day.plusDays(5)).statusCode(201);
        post(id, "EQUIFAX", 750, day.plusDays(6)).statusCode(201);

        var events = kafka.awaitAll("credit-score-events", r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
        JsonNode firstExperian = TestSupport.assertEnvelope(events.get(1), "CREDIT_SCORE_CHANGED", id);
        assertEquals("EXPERIAN", firstExperian.get("bureau").asText());
        assertTrue(firstExperian.get("previousScore").isNull(), "no earlier EXPERIAN score: " + firstExperian);
        assertTrue(firstExperian.get("change").isNull(), "no change across bureaus: " + firstExperian);
        JsonNode secondExperian = TestSupport.assertEnvelope(events.get(2), "CREDIT_SCORE_CHANGED", id);
        assertEquals(690, secondExperian.get("previousScore").asInt());
        assertEquals(10, secondExperian.get("change").asInt()); // 700 - 690
        JsonNode secondEquifax = TestSupport.assertEnvelope(events.get(3), "CREDIT_SCORE_CHANGED", id);
        assertEquals(760, secondEquifax.get("previousScore").asInt());
        assertEquals(-10, secondEquifax.get("change").asInt()); // 750 - 760, not 750 - 700
    }
}
