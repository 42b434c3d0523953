package com.lendkeep.retention.rest;

import static com.lendkeep.retention.support.Events.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.retention.support.Customers;
import com.lendkeep.retention.support.Events;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The churn report against a small example computed by hand. Everything arrives as events on the
 * real topics; the alerts are dated January 2030 so that no other test's customers are in the period.
 *
 * <pre>
 * Observation window: 90 days from the alert. Alerts at 2030-01-10T10:00Z, window ends 2030-04-10T10:00Z.
 * Report: from 2030-01-01 to 2030-01-31, asOf 2030-04-20 (end of that day).
 *
 * customer  group      alert        closure (event time)                      outcome
 * T1        treatment  VOLUNTARY    PREPAID 2030-02-01                        churned, voluntary
 * T2        treatment  INVOLUNTARY  CHARGED_OFF 2030-03-01, 5,000.00 + 250.00 churned, involuntary
 * T3        treatment  INVOLUNTARY  none                                      retained
 * T4        treatment  VOLUNTARY    REPAID 2030-02-15 (on schedule)           retained
 * T5        treatment  VOLUNTARY    PREPAID 2030-04-15, after the window      retained
 * C1        control    VOLUNTARY    PREPAID 2030-02-15                        churned, voluntary
 * C2        control    INVOLUNTARY  none                                      retained
 * C3        control    INVOLUNTARY  CHARGED_OFF 2030-03-10, 1,000.00 + 80.00  churned, involuntary
 * P1        treatment  VOLUNTARY    none; alert 2030-01-31T10:00Z, window     pending
 *                                   ends 2030-05-01, after asOf
 *
 * Population: 9 alerted, 8 decided, 1 pending, 4 retained, 4 churned (2 voluntary, 2 involuntary).
 *
 * Loss, involuntary: unrecovered principal 5,000.00 + 1,000.00 = 6,000.00
 *                    unrecovered interest      250.00 +    80.00 =   330.00   total 6,330.00
 * Loss, voluntary (interest the remaining schedule would have earned, docs/retention.md):
 *   T1: 1,200.00 at 12 % (r = 1 % a month) over 2 months from 2029-12-15, prepaid on 2030-01-15: 1 installment due,
 *       installment A = 1,200 x 0.01 / (1 - 1.01^-2) = 609.0149; balance B = 1,200 x 1.01 - A = 602.9851 -> 602.99;
 *       interest still to earn on 1 installment = B x 0.01 = 6.0299 -> 6.03
 *   C1: 2,400.00 at 6 % (r = 0.5 %) over 2 months from 2029-12-15, prepaid on 2030-01-20: 1 installment due,
 *       A = 2,400 x 0.005 / (1 - 1.005^-2) = 1,209.0075; B = 2,400 x 1.005 - A = 1,202.9925 -> 1,202.99;
 *       interest = 1,202.99 x 0.005 = 6.01495 -> 6.01
 *   interest income lost = 6.03 + 6.01 = 12.04
 * Total loss = 6,330.00 + 12.04 = 6,342.04
 *
 * Uplift (decided customers only): treatment T1..T5: 3 retained of 5 = 0.6000;
 *                                  control C1..C3:   1 retained of 3 = 0.3333;
 *                                  uplift = 0.6000 - 0.3333 = 0.2667 (P1, pending, is in neither rate).
 * </pre>
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class ChurnReportTest {

    static final Instant ALERTED = Instant.parse("2030-01-10T10:00:00Z");
    static final LocalDate START = LocalDate.parse("2029-12-15");
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    static UUID customer(boolean treatment, String churnType, Instant alertedAt, String principal, String rate, String reason) {
        UUID customer = treatment ? Customers.treatment() : Customers.control();
        UUID loan = UUID.randomUUID();
        Events.loanOpened(customer, loan, principal, rate, 2, START);
        UUID alert = UUID.randomUUID();
        Events.send("churn-risk-alerts", customer, Events.alert(customer, alert, loan, churnType, "HIGH", "0.6", alertedAt, reason));
        LOANS.put(customer, loan);
        return customer;
    }

    static final java.util.Map<UUID, UUID> LOANS = new java.util.concurrent.ConcurrentHashMap<>();

    static void close(UUID customer, String closure, String closedOn, String at, String principal, String interest) {
        Events.send("loan-events", customer, Events.loanClosed(customer, LOANS.get(customer), closure, LocalDate.parse(closedOn),
                Instant.parse(at), principal, interest));
    }

    static JsonNode report(String query) throws Exception {
        return EXACT.readTree(given().get("/reports/churn?" + query).then().statusCode(200).contentType("application/json").extract().asString());
    }

    @Test
    void lossAndUpliftMatchTheHandComputedExample() throws Exception {
        String payoff = "asked for a payoff quote twice";
        String missed = "2 consecutive missed installments";
        UUID t1 = customer(true, "VOLUNTARY", ALERTED, "1200.00", "0.12", payoff);
        UUID t2 = customer(true, "INVOLUNTARY", ALERTED, "5000.00", "0.10", missed);
        customer(true, "INVOLUNTARY", ALERTED, "5000.00", "0.10", "reported financial hardship once");
        UUID t4 = customer(true, "VOLUNTARY", ALERTED, "3000.00", "0.10", "complained about the rate once");
        UUID t5 = customer(true, "VOLUNTARY", ALERTED, "3000.00", "0.10", payoff);
        UUID c1 = customer(false, "VOLUNTARY", ALERTED, "2400.00", "0.06", "mentioned a competitor's offer once");
        customer(false, "INVOLUNTARY", ALERTED, "5000.00", "0.10", missed);
        UUID c3 = customer(false, "INVOLUNTARY", ALERTED, "2000.00", "0.10", missed);
        customer(true, "VOLUNTARY", Instant.parse("2030-01-31T10:00:00Z"), "3000.00", "0.10", payoff);

        close(t1, "PREPAID", "2030-01-15", "2030-02-01T09:00:00Z", "0.00", "0.00");
        close(t2, "CHARGED_OFF", "2030-03-01", "2030-03-01T09:00:00Z", "5000.00", "250.00");
        close(t4, "REPAID", "2030-02-15", "2030-02-15T09:00:00Z", "0.00", "0.00");
        close(t5, "PREPAID", "2030-04-15", "2030-04-15T09:00:00Z", "0.00", "0.00");
        close(c1, "PREPAID", "2030-01-20", "2030-02-15T09:00:00Z", "0.00", "0.00");
        close(c3, "CHARGED_OFF", "2030-03-10", "2030-03-10T09:00:00Z", "1000.00", "80.00");

        String query = "from=2030-01-01&to=2030-01-31&asOf=2030-04-20";
        await().atMost(WAIT).until(() -> {
            JsonNode r = report(query);
            return r.at("/population/alertedCustomers").asInt() == 9 && r.at("/loss/total").decimalValue().compareTo(new BigDecimal("6342.04")) == 0;
        });
        JsonNode r = report(query);
        assertEquals("2030-04-21T00:00:00Z", r.get("asOf").asText());
        assertEquals(90, r.get("observationDays").asInt());
        JsonNode p = r.get("population");
        assertEquals(List.of(9, 8, 1, 4, 4, 2, 2), List.of(p.get("alertedCustomers").asInt(), p.get("decided").asInt(), p.get("pending").asInt(),
                p.get("retained").asInt(), p.get("churned").asInt(), p.get("churnedVoluntary").asInt(), p.get("churnedInvoluntary").asInt()));

        JsonNode loss = r.get("loss");
        assertEquals(new BigDecimal("6000.00"), loss.at("/involuntary/unrecoveredPrincipal").decimalValue());
        assertEquals(new BigDecimal("330.00"), loss.at("/involuntary/unrecoveredInterest").decimalValue());
        assertEquals(new BigDecimal("6330.00"), loss.at("/involuntary/total").decimalValue());
        assertEquals(new BigDecimal("12.04"), loss.at("/voluntary/interestIncomeLost").decimalValue());
        assertEquals(2, loss.at("/voluntary/customers").asInt());
        assertEquals(new BigDecimal("6342.04"), loss.get("total").decimalValue());

        JsonNode uplift = r.get("uplift");
        assertEquals(List.of(6, 5, 3, 2), List.of(uplift.at("/treatment/customers").asInt(), uplift.at("/treatment/decided").asInt(),
                uplift.at("/treatment/retained").asInt(), uplift.at("/treatment/churned").asInt()));
        assertEquals(new BigDecimal("0.6000"), uplift.at("/treatment/retentionRate").decimalValue());
        assertEquals(List.of(3, 3, 1, 2), List.of(uplift.at("/control/customers").asInt(), uplift.at("/control/decided").asInt(),
                uplift.at("/control/retained").asInt(), uplift.at("/control/churned").asInt()));
        assertEquals(new BigDecimal("0.3333"), uplift.at("/control/retentionRate").decimalValue());
        assertEquals(new BigDecimal("0.2667"), uplift.get("uplift").decimalValue());
        assertTrue(uplift.get("note").asText().contains("not statistically reliable"), "groups of 5 and 3");

        JsonNode month = r.get("churnByMonth").get(0);
        assertEquals("2030-01", month.get("month").asText());
        assertEquals(new BigDecimal("0.5000"), month.get("churnRate").decimalValue(), "4 churned of 8 decided");
        assertEquals(1, r.get("churnByMonth").size());

        // causes from each churned customer's alert: T1 payoff, C1 competitor, T2 and C3 missed installments
        assertEquals("INVOLUNTARY/MISSED_PAYMENTS/2", group(r.get("churnByTypeAndCause").get(0)));
        assertTrue(r.get("churnByTypeAndCause").toString().contains("\"cause\":\"PAYOFF_INTENT\""));
        assertTrue(r.get("churnByTypeAndCause").toString().contains("\"cause\":\"COMPETITOR_OFFER\""));
        JsonNode first = r.get("recommendations").get(0);
        assertEquals("MISSED_PAYMENTS", first.get("cause").asText());
        assertTrue(first.get("basis").asText().startsWith("rule-based"));

        String csv = given().get("/reports/churn?" + query + "&format=csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("churn-2030-01-01-2030-01-31.csv")).extract().asString();
        assertTrue(csv.startsWith("section,key,metric,value\n"));
        assertTrue(csv.contains("\nloss,involuntary,unrecoveredPrincipal,6000.00\n"));
        assertTrue(csv.contains("\nloss,voluntary,interestIncomeLost,12.04\n"));
        assertTrue(csv.contains("\nuplift,,uplift,0.2667\n"));
        assertTrue(csv.contains("\nuplift,control,customers,3\n"));
        given().accept("text/csv").get("/reports/churn?" + query).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("churnByMonth,2030-01,churnRate,0.5000"));
    }

    static String group(JsonNode g) {
        return g.get("churnType").asText() + "/" + g.get("cause").asText() + "/" + g.get("customers").asInt();
    }

    @Test
    void fromAndToAreValidated() {
        given().get("/reports/churn?to=2030-01-31").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().get("/reports/churn?from=2030-01-01").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().get("/reports/churn?from=2030-02-01&to=2030-01-01").then().statusCode(400).body("detail", containsString("before from"));
        given().get("/reports/churn?from=2030-13-01&to=2030-12-31").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get("/reports/churn?from=2030-01-01&to=2030-01-31&format=xml").then().statusCode(400);
        given().get("/reports/churn?to=2030-01-31&format=csv").then().statusCode(400).contentType("application/problem+json");
        given().get("/reports/churn?from=2000-01-01&to=2030-01-31").then().statusCode(400).body("detail", containsString("longer than"));
    }
}
