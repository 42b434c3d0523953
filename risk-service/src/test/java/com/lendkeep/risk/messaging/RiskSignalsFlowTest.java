package com.lendkeep.risk.messaging;

import static com.lendkeep.risk.messaging.Events.BOOK;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The reproductions of issue #14 over real Kafka and PostgreSQL: payoff intent, credit collapses per
 * bureau, per-loan arrears and alerts that follow the score down (with hysteresis) as well as up.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RiskSignalsFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static KafkaTestClient kafka;

    @jakarta.inject.Inject
    com.lendkeep.risk.service.BusinessCalendar calendar;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @org.junit.jupiter.api.BeforeEach
    void onTheCurrentBusinessDate() {
        Events.startAt(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(calendar::refresh));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static JsonPath profile(UUID customer) {
        return given().get("/risk/customers/" + customer).then().extract().jsonPath();
    }

    static void awaitProfile(UUID customer, Predicate<JsonPath> condition) {
        await().atMost(WAIT).until(() -> given().get("/risk/customers/" + customer).statusCode() == 200
                && condition.test(profile(customer)));
    }

    static JsonPath alerts(UUID customer, String churnType) {
        return given().queryParam("customerId", customer.toString()).queryParam("churnType", churnType).get("/alerts")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> reasonTexts(UUID customer) {
        return profile(customer).getList("reasons.text");
    }

    @Test
    void aPayoffQuoteAndAPartialPrepaymentRaiseAVoluntaryAlertWithReasons() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        String key = customer.toString();
        kafka.send("loan-events", key, Events.loanOpened(customer, loan, "0.07", BOOK.minusYears(2), 60));
        awaitProfile(customer, p -> p.getInt("features.activeLoans") == 1);
        float before = profile(customer).getFloat("voluntaryScore");

        kafka.send("loan-events", key, Events.payoffQuoted(customer, loan, BOOK.minusDays(2)));
        kafka.send("repayment-events", key, Events.repaid(customer, loan, BOOK.minusDays(1), BOOK.minusDays(1), "990.00", "10990.00",
                "30000.00", "10000.00"));
        // -3.5 + rate 2 points x 0.3 + quote 1.6 x 0.5^(2/60) + 25 % prepaid: 2.5 x 0.5 x 0.5^(1/90) = -0.096 -> 0.476
        awaitProfile(customer, p -> p.getFloat("voluntaryScore") > 0.45f);
        float after = profile(customer).getFloat("voluntaryScore");
        assertTrue(after > before + 0.3, before + " -> " + after);
        List<String> reasons = reasonTexts(customer);
        assertTrue(reasons.contains("requested a payoff quote once, last on " + BOOK.minusDays(2)), reasons.toString());
        assertTrue(reasons.contains("prepaid 25% of the principal ahead of schedule (last on " + BOOK.minusDays(1) + ")"),
                reasons.toString());
        await().atMost(WAIT).until(() -> alerts(customer, "VOLUNTARY").getList("").size() == 1);
        JsonPath alert = alerts(customer, "VOLUNTARY");
        assertEquals("MEDIUM", alert.getString("[0].level"));
        assertTrue(alert.getList("[0].reasons").contains("requested a payoff quote once, last on " + BOOK.minusDays(2)));
    }

    @Test
    void aSmallTickFromTheSameBureauCannotClearACollapse() {
        UUID customer = UUID.randomUUID();
        String key = customer.toString();
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 740, BOOK.minusDays(20)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 740);
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 540, BOOK.minusDays(10)));
        kafka.send("contact-events", key, Events.contact(customer, "HARDSHIP", BOOK.minusDays(1)));
        await().atMost(WAIT).until(() -> "CRITICAL".equals(alerts(customer, "INVOLUNTARY").getString("[0].level")));

        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 545, BOOK.minusDays(5)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 545);
        JsonPath alert = alerts(customer, "INVOLUNTARY");
        assertEquals("OPEN", alert.getString("[0].status"));
        assertEquals("CRITICAL", alert.getString("[0].level"));
        assertTrue(alert.getList("[0].reasons").contains("EQUIFAX score fell 195 points from its high of 740 in 365 days"),
                alert.getList("[0].reasons").toString());
    }

    @Test
    void twoBureausAreNeverCompared() {
        UUID customer = UUID.randomUUID();
        String key = customer.toString();
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 760, BOOK.minusDays(20)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 760);
        kafka.send("credit-score-events", key, Events.score(customer, "EXPERIAN", 690, BOOK.minusDays(2)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 690);
        assertTrue(reasonTexts(customer).stream().noneMatch(r -> r.contains("fell")), reasonTexts(customer).toString());
        assertEquals(0, profile(customer).getInt("features.creditScoreChange"), "no change: first EXPERIAN score");
    }

    @Test
    void aFullPaymentOnOneLoanDoesNotClearTheAlertOfAnotherStillInArrears() {
        UUID customer = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        String key = customer.toString();
        kafka.send("loan-events", key, Events.loanOpened(customer, late, "0.05", BOOK.minusYears(1), 36));
        kafka.send("loan-events", key, Events.loanOpened(customer, current, "0.05", BOOK.minusYears(1), 36));
        awaitProfile(customer, p -> p.getInt("features.activeLoans") == 2);
        String missed = Events.missed(customer, late, BOOK.minusDays(65), 65, 3);
        kafka.send("repayment-events", key, missed);
        kafka.send("repayment-events", key, missed); // redelivered: no second effect, no second alert
        await().atMost(WAIT).until(() -> "CRITICAL".equals(alerts(customer, "INVOLUNTARY").getString("[0].level")));

        kafka.send("repayment-events", key, Events.repaid(customer, current, BOOK.minusDays(3), BOOK.minusDays(3), "500.00", "500.00",
                "12000.00", null));
        awaitProfile(customer, p -> p.getInt("features.paymentsTotal") == 1);
        JsonPath alert = alerts(customer, "INVOLUNTARY");
        assertEquals(1, alert.getList("").size());
        assertEquals("OPEN", alert.getString("[0].status"));
        assertEquals("CRITICAL", alert.getString("[0].level"));
        assertEquals(1, profile(customer).getInt("features.missedTotal"), "the redelivered event counted once");
        assertEquals(late.toString(), alert.getString("[0].loanId"), "the alert names the loan in arrears");
        assertTrue(profile(customer).getInt("features.daysPastDue") >= 65);
    }

    @Test
    void anAlertFollowsTheScoreDownAfterTwoScoringsAndClearsWhenCaughtUp() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = customer.toString();
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 740, BOOK.minusDays(20)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 740);
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 540, BOOK.minusDays(10)));
        kafka.send("contact-events", key, Events.contact(customer, "HARDSHIP", BOOK.minusDays(1)));
        await().atMost(WAIT).until(() -> "CRITICAL".equals(alerts(customer, "INVOLUNTARY").getString("[0].level")));
        String alertId = alerts(customer, "INVOLUNTARY").getString("[0].id");

        // the bureau reports 700: fall 40 -> -3 + 0.64 + 0.3 + 0.9 x 0.5^(1/90) = -1.166 -> 0.2376, below 0.75 - 0.05
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 700, BOOK.minusDays(5)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 700);
        assertEquals("CRITICAL", alerts(customer, "INVOLUNTARY").getString("[0].level"), "one scoring below is not enough");
        // a second scoring below: the level follows the score down, to the lowest open level
        kafka.send("contact-events", key, Events.contact(customer, "GENERAL", BOOK.minusDays(1)));
        await().atMost(WAIT).until(() -> "MEDIUM".equals(alerts(customer, "INVOLUNTARY").getString("[0].level")));
        given().queryParam("customerId", key).queryParam("level", "CRITICAL").get("/alerts").then().statusCode(200)
                .body("size()", equalTo(0));
        given().queryParam("level", "CRITICAL").queryParam("size", 500).get("/alerts").then().statusCode(200)
                .body("level", everyItem(equalTo("CRITICAL"))).body("id", not(hasItem(alertId)));
        given().queryParam("level", "SEVERE").get("/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("level")).body("detail", containsString("CRITICAL"));

        // caught up: the score falls below clear-below (0.20) for two scorings and the alert clears
        kafka.send("credit-score-events", key, Events.score(customer, "EQUIFAX", 745, BOOK.minusDays(2)));
        awaitProfile(customer, p -> p.getInt("features.creditScore") == 745);
        assertEquals("OPEN", alerts(customer, "INVOLUNTARY").getString("[0].status"));
        kafka.send("contact-events", key, Events.contact(customer, "GENERAL", BOOK.minusDays(1)));
        await().atMost(WAIT).until(() -> "CLEARED".equals(alerts(customer, "INVOLUNTARY").getString("[0].status")));
        assertEquals(1, alerts(customer, "INVOLUNTARY").getList("").size(), "never a second alert");

        kafka.await("churn-risk-alerts", r -> key.equals(r.key()) && r.value().contains("CHURN_RISK_ALERT_CLEARED"), WAIT);
        List<JsonNode> published = kafka.readAll("churn-risk-alerts", WAIT).stream().filter(r -> key.equals(r.key()))
                .map(r -> read(r.value())).toList();
        List<String> types = published.stream().map(e -> e.get("type").asText()).toList();
        assertEquals("CHURN_RISK_ALERT_RAISED", types.get(0), types.toString());
        assertEquals("CHURN_RISK_ALERT_CLEARED", types.get(types.size() - 1), types.toString());
        assertEquals(1, types.stream().filter("CHURN_RISK_ALERT_RAISED"::equals).count(), types.toString());
        // the top reason changed at 700 (hardship now outweighs the 40-point fall): an update at the same level; then the level fell
        List<JsonNode> updates = published.stream().filter(e -> e.get("type").asText().equals("CHURN_RISK_ALERT_UPDATED"))
                .map(e -> e.get("data")).toList();
        assertTrue(updates.stream().allMatch(u -> u.get("alertId").asText().equals(alertId)));
        assertTrue(updates.stream().anyMatch(u -> u.get("previousLevel").asText().equals("CRITICAL")
                && u.get("level").asText().equals("MEDIUM")), updates.toString());
    }

    @Test
    void unknownCustomerHasNoRiskProfile() {
        given().get("/risk/customers/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
