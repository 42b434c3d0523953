package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.event;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ContactPreferencesTest {

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
    void defaultsUntilSetThenEveryChangeIsEmittedOnce() {
        String id = register(customer());
        given().get("/customers/" + id + "/contact-preferences").then().statusCode(200)
                .body("doNotContact", equalTo(false))
                .body("allowedChannels", contains("PHONE", "BRANCH", "EMAIL", "SMS", "APP", "LETTER"))
                .body("quietPeriods.size()", equalTo(0))
                .body("contactableToday", equalTo(true))
                .body("updatedAt", nullValue());

        LocalDate today = com.lendkeep.customer.TestSupport.today(); // the date the service judges by
        Map<String, Object> preferences = Map.of("doNotContact", false, "allowedChannels", List.of("SMS", "EMAIL", "SMS"),
                "quietPeriods", List.of(Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(10).toString(),
                        "reason", "recovering from surgery")));
        given().contentType(ContentType.JSON).body(preferences).put("/customers/" + id + "/contact-preferences")
                .then().statusCode(200)
                .body("allowedChannels", contains("EMAIL", "SMS"))
                .body("quietPeriods[0].reason", equalTo("recovering from surgery"))
                .body("contactableToday", equalTo(false))
                .body("updatedAt", notNullValue());
        // the same preferences again change nothing and emit nothing
        given().contentType(ContentType.JSON).body(preferences).put("/customers/" + id + "/contact-preferences").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("doNotContact", true, "allowedChannels", List.of()))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(200)
                .body("doNotContact", equalTo(true)).body("allowedChannels.size()", equalTo(0)).body("quietPeriods.size()", equalTo(0));
        given().get("/customers/" + id + "/contact-preferences").then().body("doNotContact", equalTo(true));

        var events = kafka.awaitAll("customer-events", event(id, "CONTACT_PREFERENCES_CHANGED"), 2, Duration.ofSeconds(20));
        JsonNode first = TestSupport.assertEnvelope(events.get(0), "CONTACT_PREFERENCES_CHANGED", id);
        assertFalse(first.get("doNotContact").asBoolean());
        assertEquals("[\"EMAIL\",\"SMS\"]", first.get("allowedChannels").toString());
        assertEquals(1, first.get("quietPeriods").size());
        assertEquals(today.minusDays(1).toString(), first.get("quietPeriods").get(0).get("from").asText());
        assertEquals(today.plusDays(10).toString(), first.get("quietPeriods").get(0).get("to").asText());
        // the reason stays in customer-service (free text, here health data): retention needs only the dates
        assertTrue(first.get("quietPeriods").get(0).get("reason").isNull(), first.toString());
        assertFalse(events.get(0).value().contains("surgery"));
        JsonNode second = TestSupport.assertEnvelope(events.get(1), "CONTACT_PREFERENCES_CHANGED", id);
        assertEquals(true, second.get("doNotContact").asBoolean());
        assertEquals(0, second.get("allowedChannels").size());
        assertEquals(2, kafka.readAll("customer-events", Duration.ofSeconds(10)).stream()
                .filter(event(id, "CONTACT_PREFERENCES_CHANGED")).count(), "the repeated PUT emitted nothing");
    }
}
