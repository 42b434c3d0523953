package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.event;
import static com.lendkeep.customer.TestSupport.loanClosed;
import static com.lendkeep.customer.TestSupport.loanOpened;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logmanager.ExtLogRecord;
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
 * Right to erasure: afterwards no text column of this service's schema holds the person's name,
 * national id, e-mail or phone (outbox payloads included), the profile shows pseudonyms, nothing
 * can be changed any more, CUSTOMER_ERASED is on the topic, and no log line ever held the data.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ErasureTest {

    private static KafkaTestClient kafka;
    private static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record instanceof ExtLogRecord ext ? String.valueOf(ext.getFormattedMessage())
                    : String.valueOf(record.getMessage()));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            LOG.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    EntityManager em;

    @BeforeAll
    static void setUp() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
        CAPTURE.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void tearDown() {
        Logger.getLogger("").removeHandler(CAPTURE);
        kafka.close();
    }

    @Test
    void erasureLeavesNoPersonalDataAndEmitsCustomerErased() {
        String digits = TestSupport.unique("");
        String name = "Zofia Quellmann" + digits;
        String nationalId = "ZQ" + digits + "X";
        String email = "zofia.q" + digits + "@example.org";
        String phone = "+48 5" + digits;
        String address = "Ulica Dluga " + digits + ", Krakow";
        String externalRef = "CB-" + digits;
        Map<String, Object> body = customer();
        body.putAll(Map.of("fullName", name, "nationalId", nationalId, "email", email, "phone", phone, "postalAddress", address,
                "externalRef", externalRef, "preferredChannel", "SMS", "industry", "RETAIL",
                "collateral", Map.of("type", "VEHICLE", "appraisedValue", 18000)));
        String id = register(body);

        // personal data in free text too: the contact log and a quiet-period reason
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "topic", "HARDSHIP", "channel", "PHONE", "satisfaction", 3,
                "outcome", name + " called from " + phone + " about job loss",
                "contactDate", LocalDate.now().toString())).post("/customers/" + id + "/contacts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("doNotContact", false, "allowedChannels", List.of("SMS"),
                "quietPeriods", List.of(Map.of("from", "2027-01-01", "to", "2027-01-15", "reason", "ask for " + name))))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("bureau", "BIK", "score", 655, "scoreDate", LocalDate.now().toString()))
                .post("/customers/" + id + "/credit-scores").then().statusCode(201);

        // an active loan: the lender still needs to know its borrower
        UUID loan = UUID.randomUUID();
        LocalDate today = TestSupport.today();
        kafka.send("loan-events", id, loanOpened(id, loan, "9000.00", "0.07", 12, today.minusYears(7).toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(loanStatus(id)));
        given().contentType(ContentType.JSON).header(TestUsers.as("dpo.martin")).body("{}").post("/customers/" + id + "/erasure")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(loan + " is active"));
        // closed more than the retention period (5 years) ago: nothing keeps the data any more
        kafka.send("loan-events", id, loanClosed(id, loan, "PREPAID", today.minusYears(6).toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PREPAID".equals(loanStatus(id)));

        given().contentType(ContentType.JSON).header(TestUsers.as("dpo.martin")).body(Map.of("requestReference", "DSR-2026-0042"))
                .post("/customers/" + id + "/erasure").then().statusCode(200)
                .body("customerId", equalTo(id)).body("erasedBy", equalTo("dpo.martin"))
                .body("requestReference", equalTo("DSR-2026-0042")).body("alreadyErased", equalTo(false))
                .body("retained", hasItem(containsString("loans")));

        // the profile shows pseudonyms; the financial facts stay
        given().get("/customers/" + id).then().statusCode(200)
                .body("erased", equalTo(true))
                .body("fullName", equalTo("Erased customer " + id.substring(0, 8)))
                .body("nationalId", equalTo("ERASED-" + id))
                .body("email", nullValue()).body("phone", nullValue()).body("postalAddress", nullValue()).body("externalRef", nullValue())
                .body("annualIncome", equalTo(52000.0f)).body("collateral.type", equalTo("VEHICLE"))
                .body("tier.inputs.totalBorrowed", equalTo(9000.0f));
        given().get("/customers/" + id + "/overview").then().statusCode(200)
                .body("recentContacts[0].outcome", equalTo("[erased]")).body("recentContacts[0].topic", equalTo("HARDSHIP"))
                .body("creditScores.latest", equalTo(655)).body("loans[0].status", equalTo("PREPAID"))
                .body("contactPreferences.doNotContact", equalTo(true)).body("contactPreferences.quietPeriods.size()", equalTo(0));

        // nothing can be changed any more
        body.put("version", 99);
        given().contentType(ContentType.JSON).header("If-Match", "*").body(body).put("/customers/" + id)
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("erased"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE",
                "contactDate", LocalDate.now().toString())).post("/customers/" + id + "/contacts").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("bureau", "BIK", "score", 700, "scoreDate", LocalDate.now().toString()))
                .post("/customers/" + id + "/credit-scores").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("doNotContact", false, "allowedChannels", List.of("SMS")))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(422);
        // a second request changes nothing
        given().contentType(ContentType.JSON).header(TestUsers.as("dpo.other")).body("{}").post("/customers/" + id + "/erasure")
                .then().statusCode(200).body("alreadyErased", equalTo(true)).body("erasedBy", equalTo("dpo.martin"));
        // the event, once, with no personal data
        var erased = kafka.awaitAll("customer-events", event(id, "CUSTOMER_ERASED"), 1, Duration.ofSeconds(20));
        JsonNode data = TestSupport.assertEnvelope(erased.get(0), "CUSTOMER_ERASED", id);
        Instant.parse(data.get("erasedAt").asText());
        JsonNode withdrawn = TestSupport.assertEnvelope(kafka.readAll("customer-events", Duration.ofSeconds(10)).stream()
                .filter(event(id, "CONTACT_PREFERENCES_CHANGED")).reduce((a, b) -> b).orElseThrow(), "CONTACT_PREFERENCES_CHANGED", id);
        assertTrue(withdrawn.get("doNotContact").asBoolean());
        assertEquals(1, kafka.readAll("customer-events", Duration.ofSeconds(10)).stream().filter(event(id, "CUSTOMER_ERASED")).count());

        // no text column of this service's schema holds any of it (the outbox's payloads included)
        List<String> found = new ArrayList<>();
        for (String value : List.of(name, nationalId, email, phone, address, externalRef, digits)) {
            found.addAll(columnsContaining(value));
        }
        assertEquals(List.of(), found);
        // the contact event never held the note (it says that there is one): nothing to scrub on the topic either
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE message_key = ?1 AND event_type = 'CONTACT_LOGGED' "
                        + "AND payload NOT LIKE '%job loss%' AND payload LIKE '%\"noteRecorded\":true%'")
                .setParameter(1, id).getSingleResult()).intValue()) == 1, "the contact event says a note exists, without its text");

        // the national id is free again: the same person may become a customer again
        Map<String, Object> again = customer();
        again.put("nationalId", nationalId);
        register(again);

        // and no log line ever held it
        String log = String.join("\n", LOG).toLowerCase(Locale.ROOT);
        for (String value : List.of(name, nationalId, email, phone, address)) {
            assertFalse(log.contains(value.toLowerCase(Locale.ROOT)), "the log contains " + value);
        }
    }

    /** Every text-like column of every table of the service's schema that contains {@code value}. */
    @SuppressWarnings("unchecked")
    private List<String> columnsContaining(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = em.createNativeQuery("SELECT c.table_name, c.column_name FROM information_schema.columns c "
                    + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                    + "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                    + "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')").getResultList();
            assertTrue(columns.size() > 20, "the search covers the schema's text columns: " + columns.size());
            List<String> hits = new ArrayList<>();
            for (Object[] column : columns) {
                String table = (String) column[0];
                String name = (String) column[1];
                long count = ((Number) em.createNativeQuery("SELECT count(*) FROM \"" + table + "\" WHERE CAST(\"" + name
                        + "\" AS text) ILIKE ?1").setParameter(1, "%" + value + "%").getSingleResult()).longValue();
                if (count > 0) {
                    hits.add(table + "." + name + " contains " + value);
                }
            }
            return hits;
        });
    }

    private String loanStatus(String customerId) {
        return given().get("/customers/" + customerId + "/overview").then().statusCode(200).extract().path("loans[0].status");
    }
}
