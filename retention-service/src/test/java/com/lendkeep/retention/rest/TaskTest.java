package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Relationship-manager calls and counselling are not loan relief: accepted, they become tasks with an owner and a due date. */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class TaskTest {

    @Test
    void anAcceptedRelationshipManagerCallBecomesATaskAndItsCompletionAppliesIt() {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        // 60,000.00: the call (80.00) keeps 0.6 x 0.2 x 1,863.80 = 223.66 of interest income, worth its cost
        Events.loanOpened(customer, loan, "60000.00", "0.08", 12, LocalDate.now().minusMonths(2));
        Events.tier(customer, "GOLD");
        Events.raise(customer, UUID.randomUUID(), loan, "VOLUNTARY", "HIGH", "0.6", "asked for a payoff quote twice");
        String call = Events.awaitIntervention(customer, "RELATIONSHIP_MANAGER_CALL");
        given().get("/interventions/" + call).then().body("status", equalTo("OFFERED")).body("offerChannel", equalTo("PHONE"))
                .body("estimatedCost", equalTo(80.0f)).body("taskId", equalTo(null));

        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + call + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("taskId", notNullValue());
        given().queryParam("customerId", customer.toString()).get("/tasks").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].kind", equalTo("RELATIONSHIP_MANAGER_CALL"))
                .body("[0].owner", equalTo("relationship-managers")).body("[0].status", equalTo("OPEN"))
                .body("[0].dueDate", equalTo(LocalDate.now().plusDays(5).toString())).body("[0].overdue", equalTo(false))
                .body("[0].interventionId", equalTo(call));
        String task = given().queryParam("customerId", customer.toString()).get("/tasks").then().extract().path("[0].id");
        // due at the end of its due date (UTC): then escalated once with RETENTION_ITEM_OVERDUE to its owner
        java.time.Instant dueAt = java.time.Instant.parse(given().get("/tasks/" + task).then().body("overdueAt", equalTo(null))
                .extract().path("dueAt"));
        assertEquals(LocalDate.now().plusDays(6).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), dueAt);
        given().post("/interventions/overdue?asOf=" + dueAt.minusSeconds(1)).then().body("interventionIds", not(hasItem(task)));
        given().post("/interventions/overdue?asOf=" + dueAt).then().body("interventionIds", hasItem(task));
        given().get("/tasks/" + task).then().body("overdue", equalTo(true)).body("overdueAt", notNullValue());
        assertEquals(1, Events.kafka().readAll("retention-events", java.time.Duration.ofSeconds(3)).stream()
                .filter(r -> customer.toString().equals(r.key()) && r.value().contains("RETENTION_ITEM_OVERDUE")
                        && r.value().contains("\"item\":\"TASK\"") && r.value().contains("relationship-managers")).count());
        // the reproduction: a task owned by one user was completed by another. Only its owner or a retention manager may
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.kim", "advisor")).body("{}").post("/tasks/" + task + "/complete")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("owned by relationship-managers"));

        given().contentType(ContentType.JSON).header(TestUsers.as("team.lead")).body(Map.of("owner", "rm.jones")).post("/tasks/" + task + "/reassign")
                .then().statusCode(200).body("owner", equalTo("rm.jones"));
        given().queryParam("owner", "rm.jones").queryParam("status", "OPEN").get("/tasks").then().body("id", equalTo(List.of(task)));
        given().contentType(ContentType.JSON).header(TestUsers.as("rm.smith", "advisor")).body("{}").post("/tasks/" + task + "/complete")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).header(TestUsers.as("rm.jones", "advisor")).body(Map.of("note", "call held, customer stays"))
                .post("/tasks/" + task + "/complete").then().statusCode(200).body("status", equalTo("DONE")).body("closedBy", equalTo("rm.jones"));
        given().contentType(ContentType.JSON).header(TestUsers.as("rm.jones")).body("{}").post("/tasks/" + task + "/complete").then().statusCode(200);
        given().contentType(ContentType.JSON).header(TestUsers.as("rm.jones")).body("{}").post("/tasks/" + task + "/cancel").then().statusCode(409);
        given().get("/interventions/" + call).then().body("status", equalTo("APPLIED"))
                .body("outcomeDetail", equalTo("RELATIONSHIP_MANAGER_CALL done by rm.jones: call held, customer stays"));
        // no loan-service involvement: no INTERVENTION_ACCEPTED on retention-events for a call (only its overdue escalation)
        org.junit.jupiter.api.Assertions.assertEquals(0, Events.kafka().readAll("retention-events", java.time.Duration.ofSeconds(3)).stream()
                .filter(r -> customer.toString().equals(r.key()) && r.value().contains(call) && r.value().contains("INTERVENTION_ACCEPTED")).count());
    }

    @Test
    void aCancelledCounsellingTaskFailsTheIntervention() {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        Events.loanOpened(customer, loan, "12000.00", "0.08", 12, LocalDate.now().minusMonths(2));
        Events.raise(customer, UUID.randomUUID(), loan, "INVOLUNTARY", "HIGH", "0.8", "reported financial hardship twice");
        String counselling = Events.awaitIntervention(customer, "FINANCIAL_COUNSELLING");
        String restructuring = Events.awaitIntervention(customer, "RESTRUCTURING");
        // the reproduction: the system alone approved a restructuring costing 150.00. Forbearance waits for a person
        given().get("/interventions/" + restructuring).then().body("status", equalTo("PROPOSED")).body("approvalRequired", equalTo(true))
                .body("estimatedCost", equalTo(150.0f)).body("newTermMonths", equalTo(22));
        Events.approve(restructuring);
        Events.awaitStatus(restructuring, "OFFERED");
        Events.awaitStatus(counselling, "OFFERED");
        String task = given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + counselling + "/accept")
                .then().statusCode(200).extract().path("taskId");
        given().get("/tasks/" + task).then().body("owner", equalTo("financial-counselling"));
        given().contentType(ContentType.JSON).header(TestUsers.as("analyst.li", "risk-analyst")).body("{}").post("/tasks/" + task + "/cancel")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).header(TestUsers.as("counsellor.ray")).body(Map.of("note", "customer unreachable"))
                .post("/tasks/" + task + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().get("/interventions/" + counselling).then().body("status", equalTo("FAILED"))
                .body("outcomeDetail", containsString("cancelled by counsellor.ray: customer unreachable"));
    }
}
