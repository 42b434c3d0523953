package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.event;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.loanBody;
import static com.lendkeep.loan.TestSupport.money;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Maker-checker modifications: asked by one user, approved or rejected by another, then applied as documented. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ModificationRequestTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static String request(String loanId, String user, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(TestUsers.as(user)).body(body)
                .post("/loans/" + loanId + "/modification-requests").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("requestedBy", equalTo(user)).extract().path("id");
    }

    private static JsonPath approve(String requestId, String user) {
        return given().contentType(ContentType.JSON).header(TestUsers.as(user)).post("/modification-requests/" + requestId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().jsonPath();
    }

    private static BigDecimal sum(JsonPath loan, String field) {
        return loan.getList("schedule." + field).stream().map(v -> money(v)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aRestructuringIsApprovedByAnotherUserThenApplied() {
        LocalDate today = businessDate();
        String id = openLoan(UUID.randomUUID(), "12000.00", "0.08", 12, "ANNUITY");
        String request = request(id, "maker.ann", Map.of("kind", "RESTRUCTURING", "newAnnualRate", "0.05", "newTermMonths", 24,
                "note", "hardship"));
        given().header(TestUsers.as("maker.ann")).contentType(ContentType.JSON).post("/modification-requests/" + request + "/approve")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("another user"));
        given().header(TestUsers.as("advisor.amy", "advisor")).contentType(ContentType.JSON).post("/modification-requests/" + request
                + "/approve").then().statusCode(403).contentType("application/problem+json");
        JsonPath approved = approve(request, "checker.bob");
        assertEquals("checker.bob", approved.getString("decidedBy"));

        JsonPath after = loan(id);
        assertEquals(24, after.getList("schedule").size());
        assertEquals(12, after.getInt("termMonths"), "the booked term is kept");
        assertEquals(24, after.getInt("currentTermMonths"));
        assertEquals(0, new BigDecimal("0.05").compareTo(money(after.get("annualRate"))));
        assertEquals(new BigDecimal("12000.00"), sum(after, "principal"), "principal still sums to the amount lent");
        assertEquals(today.plusMonths(24).toString(), after.getString("forbearanceUntil"));
        assertTrue(after.getBoolean("inForbearance"));
        assertEquals(2, after.getInt("scheduleVersion"));

        JsonNode modified = event(kafka, "loan-events", "LOAN_MODIFIED", id).get("data");
        assertEquals("RESTRUCTURING", modified.get("modificationType").asText());
        assertTrue(modified.get("description").asText().contains("annual rate 0.05"), modified.get("description").asText());
        assertTrue(modified.get("interventionId").isNull());
        assertEquals(24, modified.get("remainingDueDates").size());

        given().get("/loans/" + id + "/modifications").then().body("size()", equalTo(1))
                .body("[0].requestedBy", equalTo("maker.ann")).body("[0].approvedBy", equalTo("checker.bob"));
        given().header(TestUsers.as("checker.bob")).contentType(ContentType.JSON).post("/modification-requests/" + request + "/approve")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("APPROVED"));
    }

    @Test
    void aRejectedRequestChangesNothing() {
        String id = openLoan(UUID.randomUUID(), "5000.00", "0.06", 10, "EQUAL_PRINCIPAL");
        String request = request(id, "maker.ann", Map.of("kind", "RATE_CHANGE", "newAnnualRate", "0.04"));
        given().contentType(ContentType.JSON).header(TestUsers.as("checker.bob")).body(Map.of("reason", "not eligible"))
                .post("/modification-requests/" + request + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("not eligible"));
        given().get("/loans/" + id).then().body("scheduleVersion", equalTo(1)).body("annualRate", equalTo(0.06f));
        given().get("/loans/" + id + "/modification-requests").then().body("size()", equalTo(1)).body("[0].status", equalTo("REJECTED"));
    }

    @Test
    void requestsAreCheckedWhenMade() {
        String id = openLoan(UUID.randomUUID(), "5000.00", "0.06", 10, "ANNUITY");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not.a.token").body(Map.of("kind", "PAYMENT_HOLIDAY",
                "holidayMonths", 2)).post("/loans/" + id + "/modification-requests").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("kind", "PAYMENT_HOLIDAY", "holidayMonths", 13),
                Map.of("kind", "PAYMENT_HOLIDAY", "holidayMonths", 2, "newAnnualRate", "0.03"),
                Map.of("kind", "RATE_CHANGE"),
                Map.of("kind", "RATE_CHANGE", "newAnnualRate", "0.9"),
                Map.of("kind", "RESTRUCTURING"),
                Map.of("kind", "RESTRUCTURING", "newTermMonths", 12, "newInstallment", "500.00"),
                Map.of("kind", "PAYMENT_EXTENSION", "extensionMonths", 0),
                Map.of("kind", "TELEPORT"))) {
            given().contentType(ContentType.JSON).header(TestUsers.as("maker.ann")).body(bad)
                    .post("/loans/" + id + "/modification-requests").then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).header(TestUsers.as("maker.ann")).body(Map.of("kind", "FEE_WAIVER", "feeWaived", "10.00"))
                .post("/loans/" + UUID.randomUUID() + "/modification-requests").then().statusCode(404);
    }

    @Test
    void aPaymentHolidayMovesTheUntouchedInstallmentsAndSpreadsTheHolidayInterest() {
        String id = openLoan(UUID.randomUUID(), "6000.00", "0.12", 6, "ANNUITY");
        JsonPath before = loan(id);
        approve(request(id, "maker.ann", Map.of("kind", "PAYMENT_HOLIDAY", "holidayMonths", 2)), "checker.bob");
        JsonPath after = loan(id);
        for (int i = 0; i < 6; i++) {
            assertEquals(LocalDate.parse(before.getString("schedule[" + i + "].dueDate")).plusMonths(2).toString(),
                    after.getString("schedule[" + i + "].dueDate"));
        }
        // 6,000 x 1 % x 2 months = 120.00 of holiday interest, spread over the six installments
        assertEquals(sum(before, "interest").add(new BigDecimal("120.00")), sum(after, "interest"));
        assertEquals(new BigDecimal("6000.00"), sum(after, "principal"));
        assertEquals(8, after.getInt("currentTermMonths"));
        given().get("/loans/" + id).then().body("forbearanceUntil", notNullValue());
    }

    @Test
    void aTermExtensionReamortizesOverMoreMonths() {
        String id = openLoan(UUID.randomUUID(), "6000.00", "0.06", 6, "ANNUITY");
        float before = loan(id).getFloat("schedule[0].total");
        approve(request(id, "maker.ann", Map.of("kind", "TERM_EXTENSION", "extensionMonths", 6)), "checker.bob");
        JsonPath after = loan(id);
        assertEquals(12, after.getList("schedule").size());
        assertTrue(after.getFloat("schedule[0].total") < before * 0.6, "lower installments");
        assertEquals(new BigDecimal("6000.00"), sum(after, "principal"));
    }

    @Test
    void aRestructuringToAChosenInstallment() {
        String id = openLoan(UUID.randomUUID(), "10000.00", "0.12", 24, "ANNUITY");
        approve(request(id, "maker.ann", Map.of("kind", "RESTRUCTURING", "newInstallment", "2000.00")), "checker.bob");
        JsonPath after = loan(id);
        assertEquals(6, after.getList("schedule").size(), "10,000 at 1 % a month repaid by 2,000 installments in 6 months");
        assertEquals(2000.00f, after.getFloat("schedule[0].total"));
        assertEquals(new BigDecimal("10000.00"), sum(after, "principal"));
    }

    @Test
    void feesAreWaivedOnlyWhenThereAreSome() {
        Map<String, Object> body = loanBody(UUID.randomUUID(), "3000.00", "0.06", 6, businessDate(), "ANNUITY");
        body.put("lateFee", "30.00");
        String id = openLoan(body);
        String early = request(id, "maker.ann", Map.of("kind", "FEE_WAIVER", "feeWaived", "100.00"));
        given().contentType(ContentType.JSON).header(TestUsers.as("checker.bob")).post("/modification-requests/" + early + "/approve")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("no unpaid fees"));
        given().get("/modification-requests/" + early).then().body("status", equalTo("PENDING"));

        advanceTo(LocalDate.parse(loan(id).getString("schedule[0].dueDate")).plusDays(1));
        assertEquals(new BigDecimal("30.00"), money(loan(id).get("outstandingFees")));
        approve(early, "checker.bob");
        JsonPath after = loan(id);
        assertEquals(new BigDecimal("0.00"), money(after.get("outstandingFees")));
        given().get("/loans/" + id + "/modifications").then().body("[0].details", containsString("fees waived: 30.00"));
        assertNull(after.getString("forbearanceUntil"), "a waiver is not forbearance");
    }

    @Test
    void anUnknownRequestIs404() {
        given().header(TestUsers.as("checker.bob")).contentType(ContentType.JSON).post("/modification-requests/" + UUID.randomUUID() + "/approve")
                .then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> none = new HashMap<>();
        given().contentType(ContentType.JSON).header(TestUsers.as("checker.bob")).body(none)
                .post("/modification-requests/" + UUID.randomUUID() + "/reject").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
    }
}
