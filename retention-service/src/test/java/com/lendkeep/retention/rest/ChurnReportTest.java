package com.lendkeep.retention.rest;

import static com.lendkeep.retention.support.Events.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Definitions (application.properties): default at 90 days past due; involuntary window 365 days, voluntary
 * 180 days, from the alert's business date; a matured loan not renewed within 30 days is voluntary churn.
 * Alerts on 2030-01-10: windows end 2030-07-09 (voluntary) and 2031-01-10 (involuntary).
 * Business date 2031-02-01; report from 2030-01-01 to 2030-01-31 as of 2031-01-30 (end of that day).
 *
 * customer  group      alert        what happened (business date)                              outcome
 * T1        treatment  VOLUNTARY    PREPAID 2030-01-15                                         churned, voluntary (payoff)
 * T2        treatment  INVOLUNTARY  CHARGED_OFF 2030-03-01, 5,000.00 + 250.00                  churned, involuntary (charge-off)
 * T3        treatment  INVOLUNTARY  31 days past due on 2030-01-10, nothing paid since:         churned, involuntary (default)
 *                                   90 days past due on 2030-03-10 (the reproduction;
 *                                   the old rule called this customer RETAINED at day 121)
 * T4        treatment  VOLUNTARY    REPAID at maturity 2030-02-15, new loan from 2030-03-01    retained (renewed)
 * T5        treatment  VOLUNTARY    PREPAID 2030-07-15, day 186: after the voluntary window     retained
 * T6        treatment  VOLUNTARY    REPAID at maturity 2030-02-15, no new loan                 churned, voluntary (not renewed)
 * C1        control    VOLUNTARY    PREPAID 2030-01-20                                         churned, voluntary (payoff)
 * C2        control    INVOLUNTARY  none                                                       retained
 * C3        control    INVOLUNTARY  CHARGED_OFF 2030-03-10, 1,000.00 + 80.00, fees 25.00       churned, involuntary (charge-off)
 * P1        treatment  VOLUNTARY    none; alert 2030-01-31, involuntary window ends 2031-01-31 pending
 *
 * Population: 10 alerted, 9 decided, 1 pending, 3 retained, 6 churned (3 voluntary, 3 involuntary).
 * Triggers: INVOLUNTARY/CHARGE_OFF 2, INVOLUNTARY/DEFAULT 1, VOLUNTARY/PAYOFF 2, VOLUNTARY/NOT_RENEWED 1.
 *
 * Loss, involuntary: unrecovered principal 5,000.00 + 1,000.00 = 6,000.00; interest 250.00 + 80.00 = 330.00;
 *                    fees written off 25.00; total 6,355.00.
 *                    T3 defaulted, not charged off: exposure = the schedule's balance on 2030-01-10 (no installment
 *                    due yet: first due 2030-01-15) = 5,000.00.
 * Loss, voluntary (interest the remaining schedule would have earned, docs/retention.md):
 *   T1: 1,200.00 at 12 % (r = 1 % a month) over 2 months from 2029-12-15, prepaid on 2030-01-15: 1 installment due,
 *       installment A = 1,200 x 0.01 / (1 - 1.01^-2) = 609.0149; balance B = 1,200 x 1.01 - A = 602.9851 -> 602.99;
 *       interest still to earn on 1 installment = B x 0.01 = 6.0299 -> 6.03
 *   C1: 2,400.00 at 6 % (r = 0.5 %) over 2 months from 2029-12-15, prepaid on 2030-01-20: 1 installment due,
 *       A = 2,400 x 0.005 / (1 - 1.005^-2) = 1,209.0075; B = 2,400 x 1.005 - A = 1,202.9925 -> 1,202.99;
 *       interest = 1,202.99 x 0.005 = 6.01495 -> 6.01
 *   interest income lost = 6.03 + 6.01 = 12.04 (T6's maturity lost no scheduled interest)
 * Total loss = 6,355.00 + 12.04 = 6,367.04
 *
 * Uplift (decided customers only): treatment T1..T6: 2 retained of 6 = 0.3333; control C1..C3: 1 of 3 = 0.3333;
 *   difference 0.0000. Newcombe: Wilson 2/6 = [0.09677, 0.70001], 1/3 = [0.06149, 0.79234];
 *   lower = 0 - sqrt((0.33333 - 0.09677)^2 + (0.79234 - 0.33333)^2) = -0.5164,
 *   upper = 0 + sqrt((0.70001 - 0.33333)^2 + (0.33333 - 0.06149)^2) = 0.4565; p = 1.
 *   Groups far under the minimum of 100: no recommendation. Customers per group to detect 5 points from 1/3:
 *   mean 0.35833; (1.95996 x sqrt(2 x 0.35833 x 0.64167) + 0.84162 x sqrt(0.38333 x 0.61667 + 0.33333 x 0.66667))^2
 *   / 0.05^2 = 1442.6 -> 1443.
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
    static final java.util.Map<UUID, UUID> LOANS = new java.util.concurrent.ConcurrentHashMap<>();

    static UUID customer(boolean treatment, String churnType, Instant alertedAt, String principal, String rate, String reason) {
        UUID customer = treatment ? Customers.treatment() : Customers.control();
        UUID loan = UUID.randomUUID();
        Events.loanOpened(customer, loan, principal, rate, 2, START);
        UUID alert = UUID.randomUUID();
        Events.send("churn-risk-alerts", customer, Events.alert(customer, alert, loan, churnType, "HIGH", "0.6", alertedAt, reason));
        LOANS.put(customer, loan);
        return customer;
    }

    static void close(UUID customer, String closure, String closedOn, String principal, String interest, String fees) {
        LocalDate on = LocalDate.parse(closedOn);
        Events.send("loan-events", customer, Events.envelopeOn("LOAN_CLOSED", customer, Instant.now(), on, """
                {"loanId":"%s","closure":"%s","closedOn":"%s","unrecoveredPrincipal":%s,"unrecoveredInterest":%s,"writtenOffFees":%s}"""
                .formatted(LOANS.get(customer), closure, on, principal, interest, fees)));
    }

    static JsonNode report(String query) throws Exception {
        return EXACT.readTree(given().get("/reports/churn?" + query).then().statusCode(200).contentType("application/json").extract().asString());
    }

    @Test
    void outcomesLossAndUpliftMatchTheHandComputedExample() throws Exception {
        Events.businessDate(LocalDate.parse("2031-02-01"));
        String payoff = "asked for a payoff quote twice";
        String missed = "2 consecutive missed installments";
        UUID t1 = customer(true, "VOLUNTARY", ALERTED, "1200.00", "0.12", payoff);
        UUID t2 = customer(true, "INVOLUNTARY", ALERTED, "5000.00", "0.10", missed);
        UUID t3 = customer(true, "INVOLUNTARY", ALERTED, "5000.00", "0.10", "31 days past due");
        UUID t4 = customer(true, "VOLUNTARY", ALERTED, "3000.00", "0.10", "complained about the rate once");
        UUID t5 = customer(true, "VOLUNTARY", ALERTED, "3000.00", "0.10", payoff);
        UUID t6 = customer(true, "VOLUNTARY", ALERTED, "3000.00", "0.10", payoff);
        UUID c1 = customer(false, "VOLUNTARY", ALERTED, "2400.00", "0.06", "mentioned a competitor's offer once");
        customer(false, "INVOLUNTARY", ALERTED, "5000.00", "0.10", missed);
        UUID c3 = customer(false, "INVOLUNTARY", ALERTED, "2000.00", "0.10", missed);
        customer(true, "VOLUNTARY", Instant.parse("2030-01-31T10:00:00Z"), "3000.00", "0.10", payoff);

        close(t1, "PREPAID", "2030-01-15", "0.00", "0.00", "null");
        close(t2, "CHARGED_OFF", "2030-03-01", "5000.00", "250.00", "null");
        Events.send("loan-events", t3, Events.envelopeOn("DELINQUENCY_CHANGED", t3, Instant.now(), LocalDate.parse("2030-01-10"), """
                {"loanId":"%s","previousBucket":"1-30","newBucket":"31-60","daysPastDue":31,"overdueAmount":2540.00}""".formatted(LOANS.get(t3))));
        close(t4, "REPAID", "2030-02-15", "0.00", "0.00", "null");
        Events.loanOpened(t4, UUID.randomUUID(), "3000.00", "0.10", 12, LocalDate.parse("2030-03-01"));
        close(t5, "PREPAID", "2030-07-15", "0.00", "0.00", "null");
        close(t6, "REPAID", "2030-02-15", "0.00", "0.00", "null");
        close(c1, "PREPAID", "2030-01-20", "0.00", "0.00", "null");
        close(c3, "CHARGED_OFF", "2030-03-10", "1000.00", "80.00", "25.00");

        String query = "from=2030-01-01&to=2030-01-31&asOf=2031-01-30";
        await().atMost(WAIT).until(() -> {
            JsonNode r = report(query);
            return r.at("/population/alertedCustomers").asInt() == 10 && r.at("/loss/total").decimalValue().compareTo(new BigDecimal("6367.04")) == 0
                    && r.at("/population/retained").asInt() == 3;
        });
        JsonNode r = report(query);
        assertEquals("2031-01-31T00:00:00Z", r.get("asOf").asText());
        assertEquals("2031-02-01", r.get("businessDate").asText());
        assertEquals(365, r.at("/definitions/involuntaryWindowDays").asInt());
        assertEquals(90, r.at("/definitions/defaultDaysPastDue").asInt());
        JsonNode p = r.get("population");
        assertEquals(List.of(10, 9, 1, 3, 6, 3, 3), List.of(p.get("alertedCustomers").asInt(), p.get("decided").asInt(), p.get("pending").asInt(),
                p.get("retained").asInt(), p.get("churned").asInt(), p.get("churnedVoluntary").asInt(), p.get("churnedInvoluntary").asInt()));
        assertEquals("[INVOLUNTARY/CHARGE_OFF/2, INVOLUNTARY/DEFAULT/1, VOLUNTARY/NOT_RENEWED/1, VOLUNTARY/PAYOFF/2]",
                triggers(r.get("churnByTrigger")));

        JsonNode loss = r.get("loss");
        assertEquals(new BigDecimal("6000.00"), loss.at("/involuntary/unrecoveredPrincipal").decimalValue());
        assertEquals(new BigDecimal("330.00"), loss.at("/involuntary/unrecoveredInterest").decimalValue());
        assertEquals(new BigDecimal("25.00"), loss.at("/involuntary/writtenOffFees").decimalValue());
        assertEquals(new BigDecimal("6355.00"), loss.at("/involuntary/total").decimalValue());
        assertEquals(1, loss.at("/involuntary/defaultedLoans").asInt());
        assertEquals(new BigDecimal("5000.00"), loss.at("/involuntary/defaultedExposure").decimalValue());
        assertEquals(new BigDecimal("12.04"), loss.at("/voluntary/interestIncomeLost").decimalValue());
        assertEquals(3, loss.at("/voluntary/customers").asInt());
        assertEquals(new BigDecimal("6367.04"), loss.get("total").decimalValue());

        JsonNode itt = r.at("/uplift/intentionToTreat");
        assertEquals(List.of(7, 6, 2, 4), List.of(itt.at("/treatment/customers").asInt(), itt.at("/treatment/decided").asInt(),
                itt.at("/treatment/retained").asInt(), itt.at("/treatment/churned").asInt()));
        assertEquals(List.of(3, 3, 1, 2), List.of(itt.at("/control/customers").asInt(), itt.at("/control/decided").asInt(),
                itt.at("/control/retained").asInt(), itt.at("/control/churned").asInt()));
        assertEquals(new BigDecimal("0.0000"), itt.get("difference").decimalValue());
        assertEquals(new BigDecimal("-0.5164"), itt.at("/interval95/lower").decimalValue());
        assertEquals(new BigDecimal("0.4565"), itt.at("/interval95/upper").decimalValue());
        assertEquals(new BigDecimal("1.0000"), itt.get("pValue").decimalValue());
        assertFalse(itt.get("sufficient").asBoolean());
        assertEquals(1443, itt.get("perGroupFor5Points").asInt());
        assertTrue(itt.get("conclusion").asText().startsWith("insufficient evidence"));
        assertTrue(r.at("/uplift/method").asText().contains("Newcombe"));
        assertEquals(0, r.get("recommendations").size(), "nothing rests on groups of 6 and 3, or on 1-3 churned customers per cause");

        JsonNode month = r.get("churnByMonth").get(0);
        assertEquals("2030-01", month.get("month").asText());
        assertEquals(new BigDecimal("0.6667"), month.get("churnRate").decimalValue(), "6 churned of 9 decided");

        String csv = given().get("/reports/churn?" + query + "&format=csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("churn-2030-01-01-2030-01-31.csv")).extract().asString();
        assertTrue(csv.startsWith("section,key,metric,value\n"));
        assertTrue(csv.contains("\nloss,involuntary,unrecoveredPrincipal,6000.00\n"));
        assertTrue(csv.contains("\nloss,involuntary,defaultedExposure,5000.00\n"));
        assertTrue(csv.contains("\nloss,voluntary,interestIncomeLost,12.04\n"));
        assertTrue(csv.contains("\nuplift,intentionToTreat,differenceLower95,-0.5164\n"));
        assertTrue(csv.contains("\nuplift,intentionToTreat/control,customers,3\n"));
        given().accept("text/csv").get("/reports/churn?" + query).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("churnByMonth,2030-01,churnRate,0.6667"));

        // the reproduction: an asOf past the business date decided outcomes that had not happened
        given().get("/reports/churn?from=2030-01-01&to=2030-01-31&asOf=2033-01-11").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"))
                .body("detail", containsString("business date 2031-02-01"));
        // without asOf: as of the business date
        assertEquals("2031-02-02T00:00:00Z", report("from=2030-01-01&to=2030-01-31").get("asOf").asText());
    }

    static String triggers(JsonNode list) {
        List<String> out = new java.util.ArrayList<>();
        list.forEach(t -> out.add(t.get("churnType").asText() + "/" + t.get("trigger").asText() + "/" + t.get("customers").asInt()));
        return out.toString();
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
        given().get("/reports/churn?from=2030-01-01&to=2030-01-31&asOf=soon").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }
}
