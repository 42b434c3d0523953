package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class LoanApplicationResourceTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static Map<String, Object> application(UUID customer) {
        com.lendkeep.loan.TestSupport.register(customer);
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.toString());
        body.put("amount", "15000.00");
        body.put("annualRate", "0.07");
        body.put("termMonths", 24);
        body.put("method", "ANNUITY");
        return body;
    }

    private static String submit(UUID customer) {
        return given().contentType(ContentType.JSON).header(TestUsers.as("agent.sue")).body(application(customer))
                .post("/loan-applications").then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo("agent.sue")).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse post(String path, String user, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (user != null) {
            request = request.header(TestUsers.as(user));
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path).then();
    }

    @Test
    void anApprovedApplicationIsDisbursedAsALoan() {
        UUID customer = UUID.randomUUID();
        String id = submit(customer);
        post("/loan-applications/" + id + "/disburse", "officer.tom", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only APPROVED"));
        post("/loan-applications/" + id + "/approve", "agent.sue", null).statusCode(403);
        post("/loan-applications/" + id + "/approve", "officer.tom", null).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("officer.tom"));
        post("/loan-applications/" + id + "/approve", "officer.tom", null).statusCode(409);
        post("/loan-applications/" + id + "/disburse", "officer.tom", Map.of("disbursedOn", businessDate().plusDays(1).toString()))
                .statusCode(400).body("detail", containsString("after the business date"));
        String loanId = post("/loan-applications/" + id + "/disburse", "officer.tom", Map.of()).statusCode(201)
                .header("Location", containsString("/loans/")).body("status", equalTo("DISBURSED")).body("loanId", notNullValue())
                .body("disbursedBy", equalTo("officer.tom")).body("decidedBy", notNullValue())
                .extract().path("loanId");
        given().get("/loans/" + loanId).then().statusCode(200).body("applicationId", equalTo(id))
                .body("principal", equalTo(15000.00f)).body("schedule.size()", equalTo(24))
                .body("startDate", equalTo(businessDate().toString()));
        JsonNode opened = event(kafka, "loan-events", "LOAN_OPENED", loanId);
        assertEquals(customer.toString(), opened.get("customerId").asText());
        post("/loan-applications/" + id + "/withdraw", null, Map.of("reason", "too late")).statusCode(409);
        given().queryParam("customerId", customer.toString()).get("/loan-applications").then().body("size()", equalTo(1));
    }

    @Test
    void rejectedAndWithdrawnApplicationsArePreLoanChurnWithTheirReason() {
        UUID customer = UUID.randomUUID();
        String rejected = submit(customer);
        post("/loan-applications/" + rejected + "/reject", "officer.tom", Map.of()).statusCode(400);
        post("/loan-applications/" + rejected + "/reject", "officer.tom", Map.of("reason", "debt-to-income above 45 %"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("debt-to-income above 45 %"));
        post("/loan-applications/" + rejected + "/approve", "officer.tom", null).statusCode(409)
                .body("detail", containsString("REJECTED"));

        String withdrawn = submit(customer);
        post("/loan-applications/" + withdrawn + "/approve", "officer.tom", null).statusCode(200);
        post("/loan-applications/" + withdrawn + "/withdraw", null, Map.of("reason", "found a cheaper offer")).statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        List<JsonNode> closed = List.of(event(kafka, "loan-events", "LOAN_APPLICATION_CLOSED", rejected),
                event(kafka, "loan-events", "LOAN_APPLICATION_CLOSED", withdrawn));
        assertEquals("REJECTED", closed.get(0).get("data").get("outcome").asText());
        assertEquals("debt-to-income above 45 %", closed.get(0).get("data").get("reason").asText());
        assertEquals("WITHDRAWN", closed.get(1).get("data").get("outcome").asText());
        assertEquals("found a cheaper offer", closed.get(1).get("data").get("reason").asText());
        assertEquals(0, closed.get(1).get("data").get("amountRequested").decimalValue().compareTo(new java.math.BigDecimal("15000")));
        assertEquals(customer.toString(), closed.get(1).get("customerId").asText());
    }

    @Test
    void badApplicationsAreRefused() {
        Map<String, Object> flexibleWithoutPlan = application(UUID.randomUUID());
        flexibleWithoutPlan.put("method", "FLEXIBLE");
        given().contentType(ContentType.JSON).body(flexibleWithoutPlan).post("/loan-applications").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("principalPlan"));
        Map<String, Object> zero = application(UUID.randomUUID());
        zero.put("amount", "0");
        given().contentType(ContentType.JSON).body(zero).post("/loan-applications").then().statusCode(400);
        given().get("/loan-applications/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
