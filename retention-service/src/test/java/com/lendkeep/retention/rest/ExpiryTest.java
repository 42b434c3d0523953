package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.retention.support.Customers;
import com.lendkeep.retention.support.Events;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Unanswered offers expire when their validity ends; an expired offer cannot be accepted. */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class ExpiryTest {

    @Test
    void theExpiryJobExpiresOffersAtTheEndOfTheirValidityAndNotBefore() {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        Events.loanOpened(customer, loan, "12000.00", "0.08", 12, LocalDate.now().minusMonths(2));
        Events.raise(customer, UUID.randomUUID(), loan, "INVOLUNTARY", "MEDIUM", "0.5", "2 consecutive missed installments");
        String id = Events.awaitIntervention(customer, "PAYMENT_EXTENSION");
        Events.approve(id);
        Events.awaitStatus(id, "OFFERED");
        Instant offeredAt = Instant.parse(given().get("/interventions/" + id).then().extract().path("offeredAt"));
        Instant expiresAt = Instant.parse(given().get("/interventions/" + id).then().extract().path("offerExpiresAt"));
        assertEquals(Duration.ofDays(14), Duration.between(offeredAt, expiresAt), "retention.offers.validity-days");

        given().post("/interventions/expire?asOf=" + expiresAt.minusSeconds(1)).then().statusCode(200)
                .body("interventionIds", not(hasItem(id)));
        given().get("/interventions/" + id).then().body("status", equalTo("OFFERED"));

        given().post("/interventions/expire?asOf=" + expiresAt).then().statusCode(200).body("interventionIds", hasItem(id));
        given().get("/interventions/" + id).then().body("status", equalTo("EXPIRED"));
        given().get("/interventions/" + id + "/history").then().body("[-1].actor", equalTo("system"))
                .body("[-1].detail", equalTo("no answer: the offer expired at " + expiresAt));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + id + "/accept")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("the offer expired at"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + id + "/decline")
                .then().statusCode(409);
        given().post("/interventions/expire?asOf=" + expiresAt).then().body("interventionIds", not(hasItem(id)));
    }

    @Test
    void asOfMustBeADateOrAnInstant() {
        given().post("/interventions/expire?asOf=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
        given().post("/interventions/expire?asOf=2000-01-01").then().statusCode(200).body("asOf", equalTo("2000-01-02T00:00:00Z"));
    }
}
