package com.lendkeep.retention.rest;

import static com.lendkeep.retention.support.Events.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

/**
 * The next-best action over real Kafka: eligibility from loan-service's facts, value including the
 * credit loss a forbearance avoids, re-decision on CHURN_RISK_ALERT_UPDATED, and the decision log.
 * Each alert arrives before its loan; the loan's credit facts are sent before its LOAN_OPENED on the
 * same partition, so the decision (made when LOAN_OPENED arrives) sees them.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class DecisionLogTest {

    static void raiseBeforeTheLoan(UUID customer, UUID alert, UUID loan, String churnType, String score, String... reasons) {
        Events.raise(customer, alert, loan, churnType, "HIGH", score, reasons);
        Events.awaitCase(alert);
        await().atMost(WAIT).until(() -> "WAITING_FOR_LOAN".equals(given().get("/cases/" + alert).then().extract().path("evaluation")));
    }

    @Test
    void noRateDiscountInArrearsAndNoFeeWaiverWithoutUnpaidFees() {
        // the reproductions: a competitor rate match proposed 66 days past due; a fee waiver for a loan without unpaid fees
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        raiseBeforeTheLoan(customer, alert, loan, "VOLUNTARY", "0.7", "mentioned a competitor's offer once", "service complaint logged");
        Events.delinquency(customer, loan, 66, "0.00");
        Events.loanOpened(customer, loan, "25000.00", "0.10", 24, LocalDate.now().minusMonths(1));
        await().atMost(WAIT).until(() -> "EVALUATED".equals(given().get("/cases/" + alert).then().extract().path("evaluation")));
        given().get("/cases/" + alert + "/decisions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].trigger", equalTo("LOAN_OPENED")).body("[0].winners", empty())
                .body("[0].candidates.kind", equalTo(List.of("COMPETITOR_RATE_MATCH", "LOYALTY_RATE", "FEE_WAIVER")))
                .body("[0].candidates.decision", equalTo(List.of("INELIGIBLE", "INELIGIBLE", "INELIGIBLE")))
                .body("[0].candidates[0].reasons[0]", startsWith("the loan is 66 days past due: no rate discount beyond 30 days past due"))
                .body("[0].candidates[2].reasons[0]", equalTo("the loan has no unpaid fees: nothing to waive"));
        given().queryParam("alertId", alert.toString()).get("/interventions").then().body("", empty());
    }

    @Test
    void aForbearanceIsValuedByTheCreditLossItAvoidsAndAnUpdatedAlertGetsWhatItsNewReasonCallsFor() {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        raiseBeforeTheLoan(customer, alert, loan, "INVOLUNTARY", "0.7", "2 consecutive missed installments");
        Events.delinquency(customer, loan, 66, "35.00");
        Events.loanOpened(customer, loan, "25000.00", "0.10", 24, LocalDate.now().minusMonths(1));
        String extension = Events.awaitIntervention(customer, "PAYMENT_EXTENSION");
        // the reproduction: an extension on a 25,000 loan at 66 days past due was valued on interest alone (729.22).
        // One installment due: B = 24,054.71; cost = 24,054.71 x 0.10 x 3 / 12 = 601.37.
        // Value = LGD 0.45 x exposure 24,054.71 = 10,824.62; EV = PD 0.7 x 0.35 x 10,824.62 - 601.37 = 2,652.03 - 601.37 = 2,050.66
        given().get("/interventions/" + extension).then().body("estimatedCost", equalTo(601.37f)).body("expectedValue", equalTo(2050.66f))
                .body("status", equalTo("PROPOSED")).body("approvalRequired", equalTo(true));
        given().get("/cases/" + alert + "/decisions").then()
                .body("[0].winners", equalTo(List.of("PAYMENT_EXTENSION")))
                .body("[0].candidates[0].valueAtRisk", equalTo(10824.62f)).body("[0].candidates[0].probability", equalTo(0.7f))
                .body("[0].candidates[0].churnReduction", equalTo(0.35f))
                .body("[0].candidates[0].valueBasis", startsWith("credit loss avoided: LGD 0.45 x exposure 24054.71"))
                .body("[0].candidates[0].reasons[0]", containsString("0.7 x churn reduction 0.35 x value 10824.62"));

        // risk-service: the alert's top reason changed to hardship. The restructuring it calls for cannot come on top of the
        // extension (one loan-terms intervention per alert), the counselling can; nothing is proposed twice
        Events.send("churn-risk-alerts", customer, Events.envelope("CHURN_RISK_ALERT_UPDATED", customer, Instant.now(), """
                {"alertId":"%s","churnType":"INVOLUNTARY","previousLevel":"HIGH","level":"HIGH","score":0.7,
                 "reasons":["reported financial hardship twice","2 consecutive missed installments"],"modelVersion":"scorecard-v1",
                 "loanId":"%s"}""".formatted(alert, loan)));
        String counselling = Events.awaitIntervention(customer, "FINANCIAL_COUNSELLING");
        given().get("/cases/" + alert + "/decisions").then().body("size()", equalTo(2))
                .body("[1].trigger", equalTo("ALERT_UPDATED")).body("[1].winners", equalTo(List.of("FINANCIAL_COUNSELLING")))
                .body("[1].candidates.kind", equalTo(List.of("RESTRUCTURING", "PAYMENT_EXTENSION", "FINANCIAL_COUNSELLING")))
                .body("[1].candidates.decision", equalTo(List.of("ALREADY_COVERED", "ALREADY_COVERED", "PROPOSED")));
        given().queryParam("alertId", alert.toString()).get("/interventions").then().body("size()", equalTo(2));

        // the realised cost is loan-service's concession once it applied the extension
        Events.approve(extension);
        Events.awaitStatus(extension, "OFFERED");
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + extension + "/accept")
                .then().statusCode(200);
        Events.send("loan-events", customer, Events.envelope("LOAN_MODIFIED", customer, Instant.now(), """
                {"loanId":"%s","modificationType":"PAYMENT_EXTENSION","interventionId":"%s","scheduleVersion":2,"description":"deferred",
                 "forbearanceUntil":"%s","remainingDueDates":["%s"],"annualRate":0.10,"concession":588.10,"feesOutstanding":35.00}"""
                .formatted(loan, extension, LocalDate.now().plusMonths(24), LocalDate.now().plusMonths(4))));
        Events.awaitStatus(extension, "APPLIED");
        given().get("/interventions/" + extension).then().body("realisedCost", equalTo(588.10f)).body("estimatedCost", equalTo(601.37f));
        given().get("/interventions/" + counselling).then().body("status", equalTo("OFFERED"));
    }
}
