package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.retention.support.Customers;
import com.lendkeep.retention.support.Events;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The period's budget (100,000.00 a month in the test profile) caps proposals. Alerts dated May 2031
 * keep this test's spending apart from the others'.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class BudgetTest {

    static final Instant MAY_2031 = Instant.parse("2031-05-10T09:00:00Z");

    /** A 3,000,000.00 loan: a 3-month extension costs about 75,000.00. */
    static UUID alertOnBigLoan(UUID customer) {
        UUID loan = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        Events.loanOpened(customer, loan, "3000000.00", "0.10", 60, LocalDate.parse("2031-04-01"));
        Events.send("churn-risk-alerts", customer, Events.alert(customer, alert, loan, "INVOLUNTARY", "MEDIUM", "0.5", MAY_2031,
                "31 days past due"));
        Events.awaitCase(alert);
        return alert;
    }

    static BigDecimal decimal(String path, String field) {
        try {
            ObjectMapper exact = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
            return exact.readTree(given().get(path).then().statusCode(200).extract().asString()).get(field).decimalValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void proposalsCannotExceedTheBudgetAndRefusedOnesReleaseIt() {
        UUID first = Customers.treatment();
        alertOnBigLoan(first);
        String id = Events.awaitIntervention(first, "PAYMENT_EXTENSION");
        given().get("/interventions/" + id).then().body("status", equalTo("PROPOSED"))
                .body("budgetPeriod", equalTo("2031-05")).body("asOfDate", equalTo("2031-05-10"));
        BigDecimal cost = decimal("/interventions/" + id, "estimatedCost");
        assertEquals(1, cost.compareTo(new BigDecimal("50000")), "a big extension: " + cost);
        given().get("/budget?date=2031-05-31").then().statusCode(200).body("period", equalTo("2031-05"))
                .body("from", equalTo("2031-05-01")).body("to", equalTo("2031-05-31"));
        assertEquals(new BigDecimal("100000.00"), decimal("/budget?date=2031-05-31", "limit"));
        assertEquals(cost, decimal("/budget?date=2031-05-31", "committed"));
        assertEquals(new BigDecimal("100000.00").subtract(cost), decimal("/budget?date=2031-05-31", "remaining"));

        UUID second = Customers.treatment();
        UUID alert = alertOnBigLoan(second);
        given().get("/cases/" + alert).then().body("candidates[0].decision", equalTo("OVER_BUDGET"))
                .body("candidates[0].reasons[0]", containsString("over budget: " + cost.toPlainString() + " of 100000.00 committed in 2031-05"));
        given().queryParam("customerId", second.toString()).get("/interventions").then().body("", empty());

        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body("{}").post("/interventions/" + id + "/reject")
                .then().statusCode(200);
        assertEquals(new BigDecimal("0.00"), decimal("/budget?date=2031-05-01", "committed"));
        UUID third = Customers.treatment();
        alertOnBigLoan(third);
        given().get("/interventions/" + Events.awaitIntervention(third, "PAYMENT_EXTENSION")).then().body("status", equalTo("PROPOSED"));
    }

    @Test
    void theBudgetDateMustBeADate() {
        given().get("/budget?date=May").then().statusCode(400).contentType("application/problem+json");
    }
}
