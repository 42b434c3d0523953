package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.knownCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 16 point 5: start dates near the business date, numbers and dates parsed strictly. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class BookingChecksTest {

    /** A loan body as raw JSON, so that numbers and dates can be written the way a careless client would. */
    private static String loan(UUID customer, String startDate, String termMonths) {
        return """
                {"customerId":"%s","principal":"5000.00","annualRate":"0.05","termMonths":%s,"startDate":%s,"method":"ANNUITY"}"""
                .formatted(customer, termMonths, startDate);
    }

    private static String application(UUID customer, String termMonths) {
        return """
                {"customerId":"%s","amount":"5000.00","annualRate":"0.05","termMonths":%s,"method":"ANNUITY"}""".formatted(customer,
                termMonths);
    }

    private static void refused(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/loans").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static String quoted(LocalDate date) {
        return "\"" + date + "\"";
    }

    /** The reproductions: start dates in 1990 and 2030 were booked; back-dated loans were charged off at the next close. */
    @Test
    void aStartDateMoreThanTheWindowAwayFromTheBusinessDateIsRefused() {
        UUID customer = knownCustomer();
        LocalDate today = businessDate();
        refused(loan(customer, "\"1990-01-01\"", "12"), "startDate");
        refused(loan(customer, quoted(today.plusYears(4)), "12"), "startDate");
        refused(loan(customer, quoted(today.minusMonths(12).minusDays(1)), "12"), "startDate");
        refused(loan(customer, quoted(today.plusMonths(12).plusDays(1)), "12"), "startDate");
        given().contentType(ContentType.JSON).body(loan(customer, quoted(today.minusYears(2)), "12")).post("/loans").then()
                .statusCode(400).body("detail", containsString("import"));
        for (LocalDate edge : new LocalDate[] { today.minusMonths(12), today.plusMonths(12), today }) {
            given().contentType(ContentType.JSON).body(loan(customer, quoted(edge), "12")).post("/loans").then().statusCode(201);
        }
    }

    /** The reproductions: 20261206 as a number was booked for the year 57443; +99999-01-01 was accepted. */
    @Test
    void aDateIsAStringWithAFourDigitYear() {
        UUID customer = knownCustomer();
        refused(loan(customer, "20261206", "12"), "startDate");
        refused(loan(customer, "\"+99999-01-01\"", "12"), "startDate");
        refused(loan(customer, "\"+2026-12-06\"", "12"), "startDate");
        refused(loan(customer, "\"2026-02-30\"", "12"), "startDate");
        refused(loan(customer, "\"06/12/2026\"", "12"), "startDate");
        refused(loan(customer, "[2026,12,6]", "12"), "startDate");
        refused(loan(customer, "20261206.5", "12"), "startDate");
    }

    /** The reproduction: termMonths 1.5 became 1. */
    @Test
    void monthsAreWholeNumbers() {
        UUID customer = knownCustomer();
        String today = quoted(businessDate());
        refused(loan(customer, today, "1.5"), "termMonths");
        refused(loan(customer, today, "12.0"), "termMonths");
        refused(loan(customer, today, "1e1"), "termMonths");
        given().contentType(ContentType.JSON).body(application(customer, "1.5")).post("/loan-applications").then().statusCode(400)
                .body("errors.field", hasItem("termMonths"));
        given().contentType(ContentType.JSON).body(loan(customer, today, "12")).post("/loans").then().statusCode(201);
    }
}
