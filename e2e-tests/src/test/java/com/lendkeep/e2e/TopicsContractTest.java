package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.SharedTestInfra;
import com.lendkeep.infra.TestUsers;

import io.restassured.http.ContentType;

/**
 * Every event the four services put on Kafka keeps the published contract (docs/asyncapi): the test
 * drives a small flow of its own first (so it never depends on which test classes ran before it),
 * then reads every record of every topic and checks each one the services produced (the relay's
 * records carry an event-id header; records that tests published by hand, poison included, do not)
 * against the JSON Schema of its type, with its money written with two decimals and its CloudEvents
 * headers equal to its envelope. A failure names the event id and what is wrong. Dead letters that
 * carry CloudEvents attributes must carry those of the event they hold.
 * <p>
 * The e2e classes run in name order (junit-platform.properties); this name sorts after the others, so
 * in a full run it also checks every event their flows made. Alone, it checks its own flow's.
 */
class TopicsContractTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> TOPICS = List.of("customer-events", "credit-score-events", "contact-events", "loan-events",
            "repayment-events", "churn-risk-alerts", "retention-events");
    /** The types this test's own flow makes the services publish about its customer (or the whole system). */
    private static final Set<String> OWN_FLOW = Set.of("CUSTOMER_REGISTERED", "TIER_CHANGED", "GRADE_CHANGED", "CREDIT_SCORE_CHANGED",
            "CONTACT_LOGGED", "LOAN_OPENED", "PAYOFF_QUOTED", "PAYMENT_MISSED", "DELINQUENCY_CHANGED", "BUSINESS_DATE_CHANGED",
            "REPAYMENT_RECEIVED");

    private static ServiceProcesses services;
    private static KafkaTestClient kafka;
    private static EventContract contract;

    @BeforeAll
    static void start() throws Exception {
        services = E2eStack.services();
        kafka = new KafkaTestClient(SharedTestInfra.bootstrapServers());
        contract = new EventContract(Path.of(System.getProperty("lendkeep.repo.root", "..")).toAbsolutePath().normalize());
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyEventTheServicesProducedKeepsItsSchemaAndHeaders() throws Exception {
        String customerId = ownFlow();

        Map<String, Integer> checkedByType = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int byHand = 0;
        JsonNode ownLoanOpened = null;
        for (String topic : TOPICS) {
            for (ConsumerRecord<String, String> record : kafka.readAll(topic, WAIT)) {
                if (EventContract.header(record, "event-id") == null) {
                    byHand++; // published by a test as an outside system would, poison included: not the services' output
                    continue;
                }
                JsonNode event = EventContract.EXACT.readTree(record.value());
                String type = event.path("type").asText();
                checkedByType.merge(type, 1, Integer::sum);
                for (String violation : contract.violations(record, event)) {
                    failures.add(type + " " + event.path("eventId").asText() + " on " + topic + ": " + violation);
                }
                if (type.equals("LOAN_OPENED") && customerId.equals(record.key())) {
                    ownLoanOpened = event;
                }
            }
        }
        int checked = checkedByType.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("event contract: %d service events checked %s, %d published by tests skipped, %d violations%n",
                checked, checkedByType, byHand, failures.size());
        assertEquals(List.of(), failures.subList(0, Math.min(30, failures.size())), failures.size() + " violation(s), the first 30");
        assertTrue(checkedByType.keySet().containsAll(OWN_FLOW), "the flow's types were all checked: " + checkedByType.keySet());
        // the amount booked as the integer 600000 reaches Kafka with its scale
        assertEquals("600000.00", ownLoanOpened.path("data").path("principal").decimalValue().toPlainString());
    }

    /** The checker bites on real output: one of the services' own events, changed to disagree with its schema, is refused. */
    @Test
    void aServiceEventThatDisagreesWithItsSchemaIsReported() throws Exception {
        String customerId = registerCustomer();
        ConsumerRecord<String, String> registered = kafka.await("customer-events",
                r -> customerId.equals(r.key()) && r.value().contains("\"CUSTOMER_REGISTERED\""), WAIT);
        JsonNode event = EventContract.EXACT.readTree(registered.value());
        assertEquals(List.of(), contract.violations(registered, event));

        ObjectNode wrongPayload = event.deepCopy();
        ((ObjectNode) wrongPayload.get("data")).put("customerType", "");
        assertFalse(contract.violations(registered, wrongPayload).isEmpty(), "a blank customerType");
        ObjectNode undeclared = event.deepCopy();
        ((ObjectNode) undeclared.get("data")).put("nickname", "x");
        assertTrue(contract.violations(registered, undeclared).toString().contains("nickname"), "a field the schema does not declare");
        ObjectNode otherId = event.deepCopy();
        otherId.put("eventId", java.util.UUID.randomUUID().toString());
        assertTrue(contract.violations(registered, otherId).toString().contains("ce_id"), "a ce_id that is not the event's id");
        ObjectNode amount = (ObjectNode) EventContract.EXACT.readTree(registered.value().replace("\"CUSTOMER_REGISTERED\"", "\"LOAN_OPENED\""));
        amount.set("data", EventContract.EXACT.readTree("""
                {"loanId":"%s","principal":600000,"annualRate":0.06,"termMonths":12,"startDate":"2027-02-02","installmentAmount":51640.00}
                """.formatted(java.util.UUID.randomUUID())));
        assertTrue(contract.violations(registered, amount).toString().contains("principal is written 600000"), "an amount without scale");
    }

    /** Dead letters keep the attributes of the event they hold, when they carry any. */
    @Test
    void deadLettersCarryTheAttributesOfTheEventTheyHold() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String service : ServiceProcesses.SERVICES) {
            for (ConsumerRecord<String, String> dead : kafka.readAll(service + ".dlq", Duration.ofSeconds(30))) {
                if (EventContract.header(dead, "ce_id") != null) {
                    EventContract.headerViolations(dead, EventContract.EXACT.readTree(dead.value()))
                            .forEach(v -> failures.add(service + ".dlq " + EventContract.header(dead, "ce_id") + ": " + v));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** A customer with a 600000 loan (sent as a JSON integer), a score, a contact, a payoff quote, a missed and a paid installment. */
    private static String ownFlow() {
        String customers = services.url("customer-service");
        String loans = services.url("loan-service");
        String customerId = registerCustomer();
        LocalDate start = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().path("date"));
        given().contentType(ContentType.JSON).body(Map.of("bureau", "EQUIFAX", "score", 720, "scoreDate", start.toString()))
                .post(customers + "/customers/" + customerId + "/credit-scores").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "topic", "PAYOFF_INQUIRY", "channel", "PHONE",
                "contactDate", start.toString())).post(customers + "/customers/" + customerId + "/contacts").then().statusCode(201);
        String loanId = E2eStack.bookLoan(loans, Map.of("customerId", customerId, "principal", 600000, "annualRate", "0.06",
                "termMonths", 12, "startDate", start.toString(), "method", "ANNUITY")).then().statusCode(201).extract().path("id");
        given().header(TestUsers.as("advisor.contract", "advisor")).get(loans + "/loans/" + loanId + "/payoff").then().statusCode(200);
        given().header(TestUsers.as("operator.contract", "admin")).contentType(ContentType.JSON)
                .body(Map.of("date", start.plusMonths(1).plusDays(3).toString())).post(loans + "/business-date").then().statusCode(200);
        String due = given().get(loans + "/loans/" + loanId).then().statusCode(200).extract().path("schedule[0].total").toString();
        given().contentType(ContentType.JSON).body(Map.of("amount", new BigDecimal(due)))
                .post(loans + "/loans/" + loanId + "/repayments").then().statusCode(201);
        // everything the flow causes is on Kafka before the topics are read
        kafka.await("repayment-events", r -> customerId.equals(r.key()) && r.value().contains("\"REPAYMENT_RECEIVED\""), WAIT);
        kafka.await("loan-events", r -> customerId.equals(r.key()) && r.value().contains("\"PAYOFF_QUOTED\""), WAIT);
        kafka.await("contact-events", r -> customerId.equals(r.key()), WAIT);
        kafka.await("credit-score-events", r -> customerId.equals(r.key()), WAIT);
        return customerId;
    }

    private static String registerCustomer() {
        return given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Contract Check",
                "nationalId", "CONTRACT" + System.nanoTime(), "relationshipSince", "2018-05-01", "annualIncome", 240000))
                .post(services.url("customer-service") + "/customers").then().statusCode(201).extract().path("id");
    }
}
