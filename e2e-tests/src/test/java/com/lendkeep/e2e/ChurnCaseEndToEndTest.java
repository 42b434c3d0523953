package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.SharedTestInfra;
import com.lendkeep.infra.TestUsers;

import io.restassured.http.ContentType;

/**
 * The first churn case through the four packaged services, each its own process, talking over one
 * real Kafka and keeping its schema in one real PostgreSQL. Every step is asserted where a user
 * would see it: the REST APIs (and the missed-payment event on its topic).
 */
class ChurnCaseEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static ServiceProcesses services;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void startEverything() throws Exception {
        services = E2eStack.services();
        kafka = new KafkaTestClient(SharedTestInfra.bootstrapServers());
    }

    @AfterAll
    static void closeClient() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void missedPaymentBecomesAnAlertThenAnExtensionAppliedToTheLoan() throws Exception {
        String customers = services.url("customer-service");
        String loans = services.url("loan-service");
        String risk = services.url("risk-service");
        String retention = services.url("retention-service");

        // 1. a customer
        String fullName = "Ana Lopez";
        String nationalId = "E2E" + System.nanoTime();
        String customerId = given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", fullName,
                "nationalId", nationalId, "relationshipSince", "2019-04-01", "annualIncome", 38000))
                .post(customers + "/customers").then().statusCode(201).extract().path("id");

        // 2. a loan with its schedule
        LocalDate start = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().path("date"));
        String loanId = E2eStack.bookLoan(loans, Map.of("customerId", customerId, "principal", "12000.00",
                "annualRate", "0.08", "termMonths", 12, "startDate", start.toString(), "method", "ANNUITY"))
                .then().statusCode(201).body("schedule.size()", equalTo(12)).extract().path("id");
        List<String> dueBefore = given().get(loans + "/loans/" + loanId).then().extract().path("schedule.dueDate");

        // 3. two installments go unpaid past their due dates
        LocalDate businessDate = start.plusMonths(2).plusDays(1);
        given().contentType(ContentType.JSON).body(Map.of("date", businessDate.toString()))
                .post(loans + "/business-date").then().statusCode(200).body("missedPayments", equalTo(2));

        // 4. loan-service emits the missed-payment events
        var missed = kafka.awaitAll("repayment-events",
                r -> customerId.equals(r.key()) && r.value().contains("\"PAYMENT_MISSED\""), 2, WAIT);
        JsonNode first = JSON.readTree(missed.get(0).value());
        assertEquals(loanId, first.get("data").get("loanId").asText());
        assertEquals("loan-service", first.get("source").asText());

        // 5. risk-service raises a churn-risk alert
        await().atMost(WAIT).until(() -> !given().queryParam("customerId", customerId).get(risk + "/alerts")
                .then().statusCode(200).extract().<List<?>>path("").isEmpty());
        given().queryParam("customerId", customerId).get(risk + "/alerts").then()
                .body("[0].status", equalTo("OPEN")).body("[0].churnType", equalTo("INVOLUNTARY"))
                .body("[0].loanId", equalTo(loanId))
                .body("[0].reasons", hasItem("2 consecutive missed installments"));

        // 6. retention-service proposes a payment extension; forbearance always waits for a person (four
        //    eyes: not its proposer, system), and once a retention manager approves it, the contact policy
        //    allowing, it is offered at once
        String extension = "find { it.kind == 'PAYMENT_EXTENSION' }";
        await().atMost(WAIT).until(() -> given().queryParam("customerId", customerId).get(retention + "/interventions")
                .then().statusCode(200).extract().path(extension) != null);
        String interventionId = given().queryParam("customerId", customerId).get(retention + "/interventions").then()
                .body(extension + ".kind", equalTo("PAYMENT_EXTENSION")).body(extension + ".status", equalTo("PROPOSED"))
                .body(extension + ".loanId", equalTo(loanId))
                .body(extension + ".playbookRule", equalTo("involuntary-payment-extension"))
                .extract().path(extension + ".id");
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.e2e", "retention-manager")).body("{}")
                .post(retention + "/interventions/" + interventionId + "/approve").then().statusCode(200);
        await().atMost(WAIT).until(() -> "OFFERED".equals(given().get(retention + "/interventions/" + interventionId)
                .then().extract().path("status")));
        given().get(retention + "/interventions/" + interventionId).then()
                .body("approvedBy", equalTo("manager.e2e")).body("offerChannel", notNullValue());
        given().get(retention + "/interventions/" + interventionId + "/history").then().statusCode(200)
                .body("toStatus", equalTo(List.of("PROPOSED", "APPROVED", "OFFERED")));
        int months = given().get(retention + "/interventions/" + interventionId).then().extract().path("extensionMonths");

        // 7. the customer accepts
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.e2e")).body("{}")
                .post(retention + "/interventions/" + interventionId + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        // 8. loan-service applies the extension: the unpaid installments' due dates move
        await().atMost(WAIT).until(() -> given().get(loans + "/loans/" + loanId).then().extract().<Integer>path("scheduleVersion") == 2);
        List<String> dueAfter = given().get(loans + "/loans/" + loanId).then()
                .body("daysPastDue", equalTo(0))
                .body("forbearanceUntil", equalTo(businessDate.plusMonths(24).toString()))
                .extract().path("schedule.dueDate");
        for (int i = 0; i < dueBefore.size(); i++) {
            assertEquals(LocalDate.parse(dueBefore.get(i)).plusMonths(months), LocalDate.parse(dueAfter.get(i)), "installment " + (i + 1));
        }
        kafka.await("loan-events", r -> customerId.equals(r.key()) && r.value().contains("\"LOAN_MODIFIED\""), WAIT);

        // 9. retention-service marks the intervention applied, on loan-service's confirmation
        await().atMost(WAIT).until(() -> "APPLIED".equals(given().get(retention + "/interventions/" + interventionId)
                .then().extract().path("status")));
        given().get(retention + "/interventions/" + interventionId + "/history").then()
                .body("toStatus", equalTo(List.of("PROPOSED", "APPROVED", "OFFERED", "ACCEPTED", "APPLIED")))
                .body("[3].actor", equalTo("advisor.e2e")).body("[4].actor", equalTo("loan-service"));

        // 10. the customer's personal data reached no service's log
        for (String service : ServiceProcesses.SERVICES) {
            String log = Files.readString(services.log(service));
            assertFalse(log.contains(fullName) || log.contains(nationalId), service + " logged the customer's name or national id");
        }
    }
}
