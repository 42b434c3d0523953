package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.loanOpened;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Erasure that holds (issue 17, point 6): no personal free text on any topic; refused (409, with the
 * reason) while money is owed or within the retention period, unless a privacy officer forces it with
 * a reason, which is recorded. Reproductions: the contact note's text was on contact-events; erasure
 * was granted while 600,000 of charged-off debt was unrecovered.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ErasureRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @Inject
    EntityManager em;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theContactNoteStaysInTheServiceAndTheEventSaysThereIsOne() {
        String id = register(customer());
        String note = "Told us about her divorce " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "topic", "HARDSHIP", "channel", "PHONE", "outcome", note,
                "contactDate", today().toString())).post("/customers/" + id + "/contacts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("kind", "SURVEY", "topic", "GENERAL", "channel", "APP", "satisfaction", 4,
                "contactDate", today().toString())).post("/customers/" + id + "/contacts").then().statusCode(201);
        List<ConsumerRecord<String, String>> events = kafka.awaitAll("contact-events", r -> id.equals(r.key()), 2, WAIT);
        JsonNode withNote = TestSupport.assertEnvelope(events.get(0), "CONTACT_LOGGED", id);
        assertTrue(withNote.get("noteRecorded").asBoolean(), withNote.toString());
        assertTrue(withNote.path("outcome").isNull() || withNote.path("outcome").isMissingNode(), withNote.toString());
        assertFalse(events.get(0).value().contains("divorce"), "the note's text is not on the topic");
        assertFalse(TestSupport.assertEnvelope(events.get(1), "CONTACT_LOGGED", id).get("noteRecorded").asBoolean());
        // the note is kept where it can be erased
        given().get("/customers/" + id + "/contacts").then().body("outcome", hasItem(note));
    }

    @Test
    void moneyOwedAndTheRetentionPeriodKeepTheDataUnlessAPrivacyOfficerForcesIt() {
        String name = "Ignacy Wrzos" + TestSupport.unique("");
        Map<String, Object> profile = customer();
        profile.put("fullName", name);
        String id = register(profile);
        LocalDate today = today();
        UUID loan = UUID.randomUUID();
        kafka.send("loan-events", id, loanOpened(id, loan, "600000.00", "0.06", 120, today.minusYears(3).toString()));
        // charged off with all of its principal unrecovered
        kafka.send("loan-events", id, envelope("LOAN_CLOSED", id, Instant.now(), """
                {"loanId":"%s","closure":"CHARGED_OFF","closedOn":"%s","unrecoveredPrincipal":600000.00,"unrecoveredInterest":0.00}
                """.formatted(loan, today.minusDays(40))));
        await().atMost(WAIT).until(() -> "CHARGED_OFF".equals(given().get("/customers/" + id + "/overview").then().extract()
                .path("loans[0].status")));

        given().contentType(ContentType.JSON).header(TestUsers.as("admin.ops", "admin")).body("{}").post("/customers/" + id + "/erasure")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("charged off with 600000.00 still owed"));

        // recovered in full: no money owed, but the loan closed 40 days ago, within the 5-year retention period
        kafka.send("loan-events", id, envelope("LOAN_RECOVERY_RECEIVED", id, Instant.now(), """
                {"loanId":"%s","amount":600000.00,"receivedOn":"%s","totalRecovered":600000.00}
                """.formatted(loan, today)));
        await().atMost(WAIT).until(() -> given().header(TestUsers.as("admin.ops", "admin")).contentType(ContentType.JSON).body("{}")
                .post("/customers/" + id + "/erasure").then().extract().<String>path("detail").contains("kept for P5Y"));

        // only a privacy officer may force it, and only with a reason
        given().contentType(ContentType.JSON).header(TestUsers.as("admin.ops", "admin"))
                .body(Map.of("force", true, "forceReason", "court order")).post("/customers/" + id + "/erasure")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header(TestUsers.as("dpo.nowak", "privacy-officer")).body(Map.of("force", true))
                .post("/customers/" + id + "/erasure").then().statusCode(400).body("errors.field", hasItem("forceReason"));
        given().contentType(ContentType.JSON).header(TestUsers.as("dpo.nowak", "privacy-officer"))
                .body(Map.of("force", true, "forceReason", "court order 2027/118", "requestReference", "DSR-9"))
                .post("/customers/" + id + "/erasure").then().statusCode(200)
                .body("erasedBy", equalTo("dpo.nowak")).body("forceReason", equalTo("court order 2027/118"))
                .body("overriddenRule", containsString("kept for P5Y"));
        Object[] audit = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT erasure_forced_by, erasure_force_reason, erasure_overridden_rule FROM customer WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertEquals("dpo.nowak", audit[0]);
        assertEquals("court order 2027/118", audit[1]);
        assertTrue(((String) audit[2]).contains("the last loan closed on " + today.minusDays(40)), (String) audit[2]);

        // events about the customer after erasure (a re-assessment) carry none of their personal data
        kafka.send("loan-events", id, loanOpened(id, UUID.randomUUID(), "1000.00", "0.05", 12, today.toString()));
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(given().get("/customers/" + id + "/overview").then().extract()
                .path("loanSummary.loansEver")));
        for (String topic : List.of("customer-events", "credit-score-events", "contact-events")) {
            for (var r : kafka.readAll(topic, Duration.ofSeconds(5))) {
                if (id.equals(r.key())) {
                    assertFalse(r.value().contains(name) || r.value().contains((String) profile.get("nationalId")),
                            topic + " carries personal data: " + r.value());
                }
            }
        }
    }
}
