package com.lendkeep.customer.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CustomerResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String nationalId() {
        return "N" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    static String register(String nationalId) {
        return given().contentType(ContentType.JSON).body(Map.of(
                "type", "INDIVIDUAL", "fullName", "Ana Lopez", "nationalId", nationalId,
                "email", "ana@example.com", "relationshipSince", "2020-01-15", "annualIncome", 52000))
                .post("/customers")
                .then().statusCode(201).header("Location", containsString("/customers/"))
                .body("id", notNullValue()).body("nationalId", equalTo(nationalId))
                .extract().path("id");
    }

    @Test
    void registersReadsAndEmitsCustomerRegistered() throws Exception {
        String id = register(nationalId());
        given().get("/customers/" + id).then().statusCode(200).body("fullName", equalTo("Ana Lopez"));

        var record = kafka.await("customer-events", r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode event = JSON.readTree(record.value());
        assertEquals("CUSTOMER_REGISTERED", event.get("type").asText());
        assertEquals("customer-service", event.get("source").asText());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals(id, event.get("customerId").asText());
        assertEquals(event.get("eventId").asText(), KafkaTestClient.header(record, "event-id"));
        JsonNode data = TestSupport.assertEnvelope(record, "CUSTOMER_REGISTERED", id);
        assertEquals(id, data.get("customerId").asText());
        assertEquals("INDIVIDUAL", data.get("customerType").asText());
        assertEquals("2020-01-15", data.get("relationshipSince").asText());

        // the first tier and grade follow, from no value, with the rule that produced them
        JsonNode tier = TestSupport.assertEnvelope(kafka.await("customer-events", TestSupport.event(id, "TIER_CHANGED"),
                Duration.ofSeconds(20)), "TIER_CHANGED", id);
        assertTrue(tier.get("previousTier").isNull());
        assertEquals("STANDARD", tier.get("newTier").asText());
        assertTrue(tier.get("reason").asText().startsWith("STANDARD: no SILVER threshold met (exposure 0 < 250,000"), tier.toString());
        JsonNode grade = TestSupport.assertEnvelope(kafka.await("customer-events", TestSupport.event(id, "GRADE_CHANGED"),
                Duration.ofSeconds(20)), "GRADE_CHANGED", id);
        assertTrue(grade.get("previousGrade").isNull());
        assertEquals("C", grade.get("newGrade").asText());
        assertEquals("C: no credit score on file gives C", grade.get("reason").asText());
    }

    @Test
    void duplicateNationalIdIsAConflict() {
        String nid = nationalId();
        register(nid);
        given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Someone Else",
                "nationalId", nid, "relationshipSince", "2021-01-01"))
                .post("/customers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("nationalId"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "nationalId", nationalId(), "relationshipSince", "2021-01-01"))
                .post("/customers")
                .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("fullName"));
        given().contentType(ContentType.JSON).body(Map.of("type", "ALIEN", "fullName", "X", "nationalId", nationalId(), "relationshipSince", "2021-01-01"))
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("type")).body("detail", containsString("INDIVIDUAL"));
        given().contentType(ContentType.JSON).body(Map.of("type", "SME", "fullName", "X", "nationalId", nationalId(),
                "relationshipSince", "2021-01-01", "annualIncome", -5))
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("annualIncome"));
        given().contentType(ContentType.JSON).body("{\"type\": \"SME\", \"fullName\": ")
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("malformed JSON"));
        given().contentType(ContentType.JSON).body(Map.of("type", "SME", "fullName", "X", "nationalId", nationalId(),
                "relationshipSince", "not-a-date"))
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("relationshipSince"));
    }

    @Test
    void unknownCustomerIs404Problem() {
        given().get("/customers/00000000-0000-0000-0000-000000000001")
                .then().statusCode(404).contentType("application/problem+json");
        // a malformed id is not an unknown one: 400 naming the path parameter (issue 18), not JAX-RS' 404
        given().get("/customers/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("id")).body("detail", containsString("must be a UUID"));
    }

    @Test
    void creditScoresKeepHistoryAndEmitChangesOnlyForTheLatest() throws Exception {
        String id = register(nationalId());
        LocalDate today = LocalDate.now();
        postScore(id, 720, today.minusDays(30)).statusCode(201).body("effect", equalTo("NEW_LATEST"));
        postScore(id, 635, today.minusDays(1)).statusCode(201).body("effect", equalTo("NEW_LATEST"));
        postScore(id, 700, today.minusDays(60)).statusCode(201).body("effect", equalTo("HISTORICAL"));
        postScore(id, 635, today.minusDays(1)).statusCode(200).body("effect", equalTo("DUPLICATE"));
        postScore(id, 640, today.minusDays(1)).statusCode(409).contentType("application/problem+json");
        given().get("/customers/" + id + "/credit-scores").then().statusCode(200).body("size()", equalTo(3));

        var events = kafka.awaitAll("credit-score-events", r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
        JsonNode first = TestSupport.assertEnvelope(events.get(0), "CREDIT_SCORE_CHANGED", id);
        assertEquals("EXPERIAN", first.get("bureau").asText());
        assertTrue(first.get("previousScore").isNull());
        assertEquals(720, first.get("newScore").asInt());
        assertTrue(first.get("change").isNull());
        assertEquals(today.minusDays(30).toString(), first.get("scoreDate").asText());
        JsonNode drop = TestSupport.assertEnvelope(events.get(1), "CREDIT_SCORE_CHANGED", id);
        assertEquals("EXPERIAN", drop.get("bureau").asText());
        assertEquals(720, drop.get("previousScore").asInt());
        assertEquals(635, drop.get("newScore").asInt());
        assertEquals(-85, drop.get("change").asInt());
        assertEquals(today.minusDays(1).toString(), drop.get("scoreDate").asText());
        assertEquals(5, drop.size(), "no other field: " + drop);
        assertEquals(2, kafka.readAll("credit-score-events", Duration.ofSeconds(10)).stream().filter(r -> id.equals(r.key())).count(),
                "the historical and the duplicate score must not emit events");
    }

    @Test
    void contactIsLoggedAndEmitted() throws Exception {
        String id = register(nationalId());
        String contactId = given().header(TestUsers.as("advisor.lee", "advisor")).contentType(ContentType.JSON).body(Map.of("kind", "COMPLAINT", "topic", "RATE_COMPLAINT", "channel", "PHONE",
                "satisfaction", 1, "outcome", "offered a rate review", "contactDate", LocalDate.now().toString()))
                .post("/customers/" + id + "/contacts")
                .then().statusCode(201).body("topic", equalTo("RATE_COMPLAINT")).extract().path("id");
        var record = kafka.await("contact-events", r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode data = TestSupport.assertEnvelope(record, "CONTACT_LOGGED", id);
        assertEquals(contactId, data.get("contactId").asText());
        assertEquals("COMPLAINT", data.get("kind").asText());
        assertEquals("RATE_COMPLAINT", data.get("topic").asText());
        assertEquals("PHONE", data.get("channel").asText());
        assertEquals(1, data.get("satisfaction").asInt());
        assertTrue(data.get("outcome").isNull(), "the note is personal free text: not on the topic");
        assertTrue(data.get("noteRecorded").asBoolean());
        assertEquals(LocalDate.now().toString(), data.get("contactDate").asText());
        assertEquals(8, data.size(), "no other field: " + data);
        given().get("/customers/" + id + "/contacts").then().statusCode(200).body("[0].id", equalTo(contactId))
                .body("[0].loggedBy", equalTo("advisor.lee"));
    }

    private static io.restassured.response.ValidatableResponse postScore(String id, int score, LocalDate date) {
        return given().contentType(ContentType.JSON).body(Map.of("bureau", "experian", "score", score, "scoreDate", date.toString()))
                .post("/customers/" + id + "/credit-scores").then();
    }
}
