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
    void fullPayoffClosesTheLoanAsPrepaidAndLaterPaymentsAreRefused() throws Exception {
        UUID customer = UUID.randomUUID();
        String id = openLoan(customer, "5000.00", businessDate());
        given().contentType(ContentType.JSON).body(Map.of("amount", "5000.01"))
                .post("/loans/" + id + "/repayments").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("payoff amount 5000.00"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "5000.00"))
                .post("/loans/" + id + "/repayments").then().statusCode(201).body("loanStatus", equalTo("PREPAID"));
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
}
