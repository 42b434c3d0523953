package com.lendkeep.loan.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class LoanResourceTest {

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

    static LocalDate businessDate() {
        return LocalDate.parse(given().get("/business-date").then().statusCode(200).extract().path("date"));
    }

    static String openLoan(UUID customer, String principal, LocalDate start) {
        // 12 months at 6 %, annuity
        com.lendkeep.loan.TestSupport.register(customer);
        return given().contentType(ContentType.JSON).body(Map.of("customerId", customer.toString(), "principal", principal,
                "annualRate", "0.06", "termMonths", 12, "startDate", start.toString(), "method", "ANNUITY"))
                .post("/loans").then().statusCode(201)
                .body("schedule.size()", equalTo(12))
                .extract().path("id");
    }

    @Test
    void bookingALoanGivesTheAnnuityScheduleAndEmitsLoanOpened() throws Exception {
        UUID customer = UUID.randomUUID();
        LocalDate start = businessDate();
        String id = openLoan(customer, "100000.00", start);
        given().get("/loans/" + id).then().statusCode(200)
                .body("schedule[0].total", equalTo(8606.64f))
                .body("schedule[0].interest", equalTo(500.00f))
                .body("schedule[0].dueDate", equalTo(start.plusMonths(1).toString()))
                .body("status", equalTo("ACTIVE"));
        JsonNode event = JSON.readTree(kafka.await("loan-events", r -> customer.toString().equals(r.key()), Duration.ofSeconds(20)).value());
        assertEquals("LOAN_OPENED", event.get("type").asText());
        assertEquals(id, event.get("data").get("loanId").asText());
        assertEquals("8606.64", event.get("data").get("installmentAmount").asText());
    }

    @Test
    void missedInstallmentBecomesOverdueAndEmitsPaymentMissedThenALateRepaymentIsReported() throws Exception {
        UUID customer = UUID.randomUUID();
        LocalDate start = businessDate();
        String id = openLoan(customer, "12000.00", start);
        LocalDate due = start.plusMonths(1);
        given().contentType(ContentType.JSON).body(Map.of("date", due.plusDays(3).toString()))
                .post("/business-date").then().statusCode(200);
        given().get("/loans/" + id).then().body("daysPastDue", equalTo(3)).body("schedule[0].status", equalTo("OVERDUE"));

        JsonNode missed = JSON.readTree(kafka.await("repayment-events",
                r -> customer.toString().equals(r.key()) && r.value().contains("PAYMENT_MISSED"), Duration.ofSeconds(20)).value());
        assertEquals(id, missed.get("data").get("loanId").asText());
        assertEquals(1, missed.get("data").get("installmentNumber").asInt());
        assertEquals(3, missed.get("data").get("daysPastDue").asInt());
        assertEquals(1, missed.get("data").get("consecutiveMissed").asInt());

        String installment = given().get("/loans/" + id).then().extract().path("schedule[0].total").toString();
        given().contentType(ContentType.JSON).body(Map.of("amount", installment))
                .post("/loans/" + id + "/repayments").then().statusCode(201)
                .body("daysLate", equalTo(3)).body("onTime", equalTo(false));
        given().get("/loans/" + id).then().body("daysPastDue", equalTo(0)).body("schedule[0].status", equalTo("PAID"));
        JsonNode paid = JSON.readTree(kafka.await("repayment-events",
                r -> customer.toString().equals(r.key()) && r.value().contains("REPAYMENT_RECEIVED"), Duration.ofSeconds(20)).value());
        assertFalse(paid.get("data").get("onTime").asBoolean());
        assertEquals(3, paid.get("data").get("daysPastDue").asInt());
    }

    @Test
    void fullPayoffClosesTheLoanAsPrepaidKeepsTheOverpaymentAsCreditAndLaterPaymentsAreRefused() throws Exception {
        UUID customer = UUID.randomUUID();
        String id = openLoan(customer, "5000.00", businessDate());
        // the day of disbursement: nothing earned, the payoff is the principal; one cent more is the customer's credit
        given().contentType(ContentType.JSON).body(Map.of("amount", "5000.01"))
                .post("/loans/" + id + "/repayments").then().statusCode(201).body("loanStatus", equalTo("PREPAID"))
                .body("toInterest", equalTo(0.00f)).body("toCredit", equalTo(0.01f)).body("creditBalance", equalTo(0.01f));
        given().get("/loans/" + id).then().body("creditBalance", equalTo(0.01f)).body("outstandingInterest", equalTo(0.00f));
        given().contentType(ContentType.JSON).body(Map.of("amount", "10.00"))
                .post("/loans/" + id + "/repayments").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("closed"));
        JsonNode closed = JSON.readTree(kafka.await("loan-events",
                r -> customer.toString().equals(r.key()) && r.value().contains("LOAN_CLOSED"), Duration.ofSeconds(20)).value());
        assertEquals("PREPAID", closed.get("data").get("closure").asText());
    }

    @Test
    void partialPrepaymentLowersTheRemainingInstallmentsAndKeepsAVersion() {
        String id = openLoan(UUID.randomUUID(), "12000.00", businessDate());
        // pays the first installment in advance plus 6,000 of principal
        float first = given().get("/loans/" + id).then().extract().path("schedule[0].total");
        given().contentType(ContentType.JSON).body(Map.of("amount", String.format("%.2f", first + 6000)))
                .post("/loans/" + id + "/repayments").then().statusCode(201);
        var loan = given().get("/loans/" + id).then().statusCode(200).extract().jsonPath();
        float principalSum = 0;
        for (int i = 0; i < 12; i++) {
            principalSum += loan.getFloat("schedule[" + i + "].principal");
        }
        assertEquals(12000.0f, principalSum, 0.001f, "principal still sums to the amount lent");
        assertTrue(loan.getFloat("schedule[2].total") < first * 0.6, "later installments are lower");
        given().get("/loans/" + id + "/schedule-versions").then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].reason", containsString("prepayment"));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        String customer = UUID.randomUUID().toString();
        for (var bad : new Map[] {
                Map.of("customerId", customer, "principal", "0", "annualRate", "0.05", "termMonths", 12, "startDate", "2026-01-01", "method", "ANNUITY"),
                Map.of("customerId", customer, "principal", "-100", "annualRate", "0.05", "termMonths", 12, "startDate", "2026-01-01", "method", "ANNUITY"),
                Map.of("customerId", customer, "principal", "1000", "annualRate", "3.5", "termMonths", 12, "startDate", "2026-01-01", "method", "ANNUITY"),
                Map.of("customerId", customer, "principal", "1000", "annualRate", "0.05", "termMonths", 0, "startDate", "2026-01-01", "method", "ANNUITY"),
                Map.of("customerId", customer, "principal", "1000", "annualRate", "0.05", "termMonths", 12, "startDate", "2026-01-01", "method", "BALLOON_OF_DREAMS"),
                Map.of("customerId", "nope", "principal", "1000", "annualRate", "0.05", "termMonths", 12, "startDate", "2026-01-01", "method", "ANNUITY")}) {
            given().contentType(ContentType.JSON).body(bad).post("/loans")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("amount", "-1"))
                .post("/loans/" + UUID.randomUUID() + "/repayments").then().statusCode(400)
                .body("errors.field", hasItem("amount"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "10"))
                .post("/loans/" + UUID.randomUUID() + "/repayments").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("date", "2000-01-01"))
                .post("/business-date").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cannot go back"));
    }

    @Test
    void moreBadInputIsRefusedWithAProblemNeverA500() {
        String customer = UUID.randomUUID().toString();
        LocalDate start = businessDate();
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(body(customer, "1000", "0.05", 12, start, "FLEXIBLE", null));
        bad.add(body(customer, "1000", "0.05", 2, start, "FLEXIBLE", List.of("400.00", "500.00")));
        bad.add(body(customer, "1000", "0.05", 3, start, "FLEXIBLE", List.of("500.00", "500.00")));
        bad.add(body(customer, "1000", "0.05", 3, start, "FLEXIBLE", List.of("100.00", "100.00", "800.00")));
        bad.add(body(customer, "1000", "0.05", 3, start, "FLEXIBLE", List.of("-100.00", "300.00", "800.00")));
        bad.add(body(customer, "1000", "0.05", 3, start, "ANNUITY", List.of("500.00", "250.00", "250.00")));
        bad.add(body(customer, "100.00", "0.05", 480, start, "EQUAL_PRINCIPAL", null));
        bad.add(body(customer, "1000.00", "0", 480, start, "EQUAL_PRINCIPAL", null));
        bad.add(body(customer, "1000.00", "0", 12, start, "INTEREST_ONLY", null));
        bad.add(body(customer, "1000.00", "0.05", 12, start, "ANNUITY", null));
        bad.get(bad.size() - 1).put("lateFee", "-1");
        bad.add(body(customer, "1000.00", "0.05", 481, start, "ANNUITY", null));
        bad.add(body(customer, "1000.00", "0.5000001", 12, start, "ANNUITY", null));
        for (Map<String, Object> b : bad) {
            given().contentType(ContentType.JSON).body(b).post("/loans").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.notNullValue());
        }
        given().contentType(ContentType.JSON).body("{\"customerId\": ").post("/loans").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body(customer, "100.00", "0.05", 480, start, "EQUAL_PRINCIPAL", null)).post("/loans")
                .then().body("detail", containsString("shorten"));

        String id = openLoan(UUID.randomUUID(), "1200.00", start);
        for (String amount : new String[] { "0", "0.00", "-5", "1.001" }) {
            given().contentType(ContentType.JSON).body(Map.of("amount", amount)).post("/loans/" + id + "/repayments")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("amount"));
        }
        given().contentType(ContentType.JSON).body(Map.of("amount", "10.00", "paidOn", start.plusDays(1).toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(400).body("errors.field", hasItem("paidOn"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "10.00", "paidOn", start.minusDays(1).toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(400).body("detail", containsString("before the loan started"));
        given().get("/loans/" + id + "/payoff?on=tomorrow").then().statusCode(400).contentType("application/problem+json");
        given().get("/loans/" + UUID.randomUUID() + "/delinquency").then().statusCode(404).contentType("application/problem+json");
    }

    private static Map<String, Object> body(String customer, String principal, String rate, int term, LocalDate start, String method,
            List<String> plan) {
        com.lendkeep.loan.TestSupport.register(UUID.fromString(customer));
        Map<String, Object> b = new HashMap<>(Map.of("customerId", customer, "principal", principal, "annualRate", rate,
                "termMonths", term, "startDate", start.toString(), "method", method));
        if (plan != null) {
            b.put("principalPlan", plan);
        }
        return b;
    }

    @Test
    void interestOnlyAndFlexibleLoansAreBookedAsDocumented() {
        LocalDate start = businessDate();
        String balloon = given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID().toString(), "120000.00", "0.06", 12, start, "INTEREST_ONLY", null))
                .post("/loans").then().statusCode(201)
                .body("schedule[0].total", equalTo(600.00f)).body("schedule[0].principal", equalTo(0.00f))
                .body("schedule[11].total", equalTo(120600.00f)).extract().path("id");
        assertEquals("INTEREST_ONLY", given().get("/loans/" + balloon).then().extract().path("method"));

        String flexible = given().contentType(ContentType.JSON)
                .body(body(UUID.randomUUID().toString(), "25000.00", "0.075", 6, start, "FLEXIBLE",
                        List.of("2000.00", "2000.00", "500.00", "500.00", "10000.00", "10000.00")))
                .post("/loans").then().statusCode(201)
                .body("schedule.total", equalTo(List.of(2156.25f, 2143.75f, 631.25f, 628.12f, 10125.00f, 10062.50f)))
                .extract().path("id");
        // a prepayment keeps the plan's shape: the months not yet due scale down together
        given().contentType(ContentType.JSON).body(Map.of("amount", "4656.25")).post("/loans/" + flexible + "/repayments")
                .then().statusCode(201).body("toInterest", equalTo(0.00f));
        var after = given().get("/loans/" + flexible).then().extract().jsonPath();
        // paid on the start date: no interest earned, all 4,656.25 prepays principal; the plan is scaled by 20,343.75 / 25,000
        // (each month rounded down, computed with Python's decimal): 1,627.50 / 1,627.50 / 406.87 / 406.87 / 8,137.50 / 8,137.51;
        // the prepaid 4,656.25 is recorded on month 1, whose interest is now 20,343.75 x 0.075 / 12 = 127.15
        assertEquals(1627.50f, after.getFloat("schedule[0].principal") - 4656.25f, 0.001f);
        assertEquals(127.15f, after.getFloat("schedule[0].interest"), 0.001f);
        assertEquals(406.87f, after.getFloat("schedule[2].principal"), 0.001f);
        assertEquals(8137.50f, after.getFloat("schedule[4].principal"), 0.001f);
        assertEquals(8137.51f, after.getFloat("schedule[5].principal"), 0.001f);
        float principal = 0;
        for (int i = 0; i < 6; i++) {
            principal += after.getFloat("schedule[" + i + "].principal");
        }
        assertEquals(25000.00f, principal, 0.001f);
    }

    @Test
    void paidAheadOfTimeTheInstallmentsUnearnedInterestIsNeverTaken() {
        // 2,000 at 12 % over 2 months: installments of 1,015.02 (2,000 x 0.01 / (1 - 1.01^-2) = 1,015.0249)
        String id = given().contentType(ContentType.JSON).body(body(UUID.randomUUID().toString(), "2000.00", "0.12", 2, businessDate(),
                "ANNUITY", null)).post("/loans").then().statusCode(201).extract().path("id");
        var loan = given().get("/loans/" + id).then().extract().jsonPath();
        assertEquals("1015.02", loan.getString("schedule[0].total"));
        // paid on the day of disbursement: no interest earned yet, all of it repays principal (2,000 - 1,015.02 = 984.98)
        given().contentType(ContentType.JSON).body(Map.of("amount", "1015.02")).post("/loans/" + id + "/repayments").then()
                .statusCode(201).body("loanStatus", equalTo("ACTIVE")).body("toInterest", equalTo(0.00f))
                .body("toPrincipal", equalTo(1015.02f));
        given().get("/loans/" + id + "/payoff").then().statusCode(200).body("payoffAmount", equalTo(984.98f))
                .body("maxAccepted", equalTo(984.98f));
        // the whole second installment ahead of time: the payoff settles it, the unearned interest comes back as credit
        given().contentType(ContentType.JSON).body(Map.of("amount", "1000.00")).post("/loans/" + id + "/repayments")
                .then().statusCode(201).body("loanStatus", equalTo("PREPAID")).body("toInterest", equalTo(0.00f))
                .body("toCredit", equalTo(15.02f));
    }

    @Test
    void aPaymentCannotBeDatedBeforeTheInstallmentWasReportedMissed() {
        String id = openLoan(UUID.randomUUID(), "2400.00", businessDate());
        LocalDate due = LocalDate.parse(given().get("/loans/" + id).then().extract().path("schedule[0].dueDate"));
        given().contentType(ContentType.JSON).body(Map.of("date", due.plusDays(3).toString())).post("/business-date").then().statusCode(200);
        String amount = given().get("/loans/" + id).then().extract().path("schedule[0].total").toString();
        given().contentType(ContentType.JSON).body(Map.of("amount", amount, "paidOn", due.toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("already reported missed"));
        given().contentType(ContentType.JSON).body(Map.of("amount", amount, "paidOn", due.plusDays(1).toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(201).body("daysLate", equalTo(1)).body("onTime", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("amount", "1.00", "paidOn", due.toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(400).body("detail", containsString("latest repayment"));
        given().get("/loans/" + id + "/repayments").then().body("size()", equalTo(1)).body("[0].daysLate", equalTo(1));
    }

    @Test
    void aCustomersLoansAndThePayoffQuote() {
        UUID customer = UUID.randomUUID();
        LocalDate start = businessDate();
        openLoan(customer, "1000.00", start);
        String second = openLoan(customer, "2000.00", start);
        given().queryParam("customerId", customer.toString()).get("/loans").then().statusCode(200).body("size()", equalTo(2))
                .body("[1].schedule.size()", equalTo(12));
        given().get("/loans/" + second + "/payoff").then().statusCode(200).body("payoffAmount", equalTo(2000.00f))
                .body("accruedInterest", equalTo(0.00f));
    }
}
