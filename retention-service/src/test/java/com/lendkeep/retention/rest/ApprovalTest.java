package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.List;
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

/** Above the approval threshold a person approves, never the proposer (four eyes); every decision is recorded. */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class ApprovalTest {

    /** A treatment customer with a 100,000.00 loan and an open involuntary alert: the extension costs about 2,400.00. */
    record Setup(UUID customer, UUID loan, UUID alert, String extension) {
    }

    static Setup expensiveExtension() {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        Events.loanOpened(customer, loan, "100000.00", "0.10", 24, LocalDate.now().minusMonths(1));
        Events.raise(customer, alert, loan, "INVOLUNTARY", "MEDIUM", "0.45", "31 days past due");
        return new Setup(customer, loan, alert, Events.awaitIntervention(customer, "PAYMENT_EXTENSION"));
    }

    @Test
    void aProposalAboveTheThresholdWaitsForAPersonThenIsOffered() {
        Setup s = expensiveExtension();
        given().get("/interventions/" + s.extension()).then().body("status", equalTo("PROPOSED")).body("approvalRequired", equalTo(true))
                .body("proposedBy", equalTo("system"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + s.extension() + "/accept")
                .then().statusCode(409).body("detail", containsString("awaits approval"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee", "advisor")).body("{}")
                .post("/interventions/" + s.extension() + "/approve").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header(TestUsers.as("system")).body("{}").post("/interventions/" + s.extension() + "/approve")
                .then().statusCode(403).body("detail", containsString("reserved"));

        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("note", "within policy"))
                .post("/interventions/" + s.extension() + "/approve").then().statusCode(200)
                .body("approvedBy", equalTo("manager.kim")).body("approvedAt", notNullValue())
                .body("status", equalTo("OFFERED")).body("offeredBy", equalTo("system"));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body("{}").post("/interventions/" + s.extension() + "/approve")
                .then().statusCode(200).body("status", equalTo("OFFERED"));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).body("{}").post("/interventions/" + s.extension() + "/approve")
                .then().statusCode(409);
        given().get("/interventions/" + s.extension() + "/history").then()
                .body("toStatus", equalTo(List.of("PROPOSED", "APPROVED", "OFFERED")))
                .body("actor", equalTo(List.of("system", "manager.kim", "system")))
                .body("[1].detail", equalTo("approved: within policy")).body("[1].at", notNullValue());
    }

    @Test
    void fourEyesTheProposerCannotApproveOrRejectTheirOwnProposal() {
        Setup s = expensiveExtension();
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body(Map.of("note", "restructure instead"))
                .post("/interventions/" + s.extension() + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        String id = given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", s.alert().toString(), "kind", "RESTRUCTURING", "rateReduction", 0.02,
                        "fixedCost", 150, "note", "customer lost overtime pay"))
                .post("/interventions").then().statusCode(201).header("Location", containsString("/interventions/"))
                .body("status", equalTo("PROPOSED")).body("proposedBy", equalTo("advisor.lee")).body("playbookRule", equalTo("manual"))
                .body("newAnnualRate", equalTo(0.08f)).body("newTermMonths", equalTo(null)).body("approvalRequired", equalTo(true))
                .extract().path("id");

        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + id + "/approve")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("four eyes"));
        given().contentType(ContentType.JSON).header(TestUsers.as("ADVISOR.LEE")).body("{}").post("/interventions/" + id + "/reject")
                .then().statusCode(403);
        given().get("/interventions/" + id).then().body("status", equalTo("PROPOSED"));

        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body("{}").post("/interventions/" + id + "/approve")
                .then().statusCode(200).body("approvedBy", equalTo("manager.kim")).body("status", equalTo("OFFERED"));
        given().get("/interventions/" + id + "/history").then()
                .body("actor", equalTo(List.of("advisor.lee", "manager.kim", "system")))
                .body("[0].detail", equalTo("proposed by advisor.lee: customer lost overtime pay"));
        given().get("/cases/" + s.alert()).then().body("candidates.ruleId", hasItem("manual"));
    }

    @Test
    void aRejectedProposalStaysRejected() {
        Setup s = expensiveExtension();
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("note", "customer already in collections"))
                .post("/interventions/" + s.extension() + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("approvedBy", equalTo("manager.kim"));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body("{}").post("/interventions/" + s.extension() + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).body("{}").post("/interventions/" + s.extension() + "/approve")
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/interventions/" + s.extension() + "/history").then()
                .body("[1].detail", equalTo("rejected: customer already in collections")).body("[1].actor", equalTo("manager.kim"));
    }

    @Test
    void manualProposalsAreValidatedAndCheckedForEligibility() {
        Setup s = expensiveExtension();
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", s.alert().toString(), "kind", "LOYALTY_RATE", "extensionMonths", 3))
                .post("/interventions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("extensionMonths", "newAnnualRate")));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", s.alert().toString(), "kind", "RELATIONSHIP_MANAGER_CALL", "fixedCost", 80))
                .post("/interventions").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("not eligible: tier unknown: relationship-manager calls are for tiers [GOLD, PLATINUM]"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", s.alert().toString(), "kind", "LOYALTY_RATE", "newAnnualRate", 0.09))
                .post("/interventions").then().statusCode(409).body("detail", containsString("already has a loan-terms intervention"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", s.alert().toString(), "kind", "PAYMENT_EXTENSION", "extensionMonths", 2))
                .post("/interventions").then().statusCode(409).body("detail", containsString("already has a PAYMENT_EXTENSION"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", UUID.randomUUID().toString(), "kind", "FEE_WAIVER", "feeWaived", 20))
                .post("/interventions").then().statusCode(404);
    }
}
