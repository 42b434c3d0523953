package com.lendkeep.retention.rest;

import static com.lendkeep.retention.support.Events.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
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

/**
 * The reproduction: customers fed by a core banking system straight onto repayment-events
 * (no LOAN_OPENED ever) sat in WAITING_FOR_LOAN for good, and a hand-made proposal was refused.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class NoDeadEndsTest {

    @Test
    void aCaseWhoseLoanNeverOpensIsDecidedOnWhatIsKnownAndSaysWhatIsMissing() {
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        // the core banking system reports a missed payment: the loan, its balance and days past due are known, not its terms
        Events.send("repayment-events", customer, Events.envelope("PAYMENT_MISSED", customer, Instant.now(), """
                {"loanId":"%s","installmentNumber":7,"dueDate":"%s","amountDue":850.00,"daysPastDue":35,"consecutiveMissed":2,
                 "outstanding":18000.00}""".formatted(loan, LocalDate.now().minusDays(35))));
        await().atMost(WAIT).until(() -> given().get("/loans/" + loan).statusCode() == 200);
        given().get("/loans/" + loan).then().body("termsKnown", equalTo(false)).body("outstanding", equalTo(18000.0f))
                .body("daysPastDue", equalTo(35)).body("missing[0]", startsWith("terms: no LOAN_OPENED received"));

        Events.raise(customer, alert, loan, "INVOLUNTARY", "HIGH", "0.8", "reported financial hardship twice");
        Events.awaitCase(alert);
        given().get("/cases/" + alert).then().body("evaluation", equalTo("WAITING_FOR_LOAN"));
        // within the wait (1 hour by default) nothing happens
        given().post("/cases/stop-waiting").then().statusCode(200).body("interventionIds", not(hasItem(alert.toString())));
        // after it, the case is decided on what is known
        given().post("/cases/stop-waiting?asOf=" + Instant.now().plus(Duration.ofHours(2))).then().statusCode(200)
                .body("interventionIds", hasItem(alert.toString()));
        given().get("/cases/" + alert).then().body("evaluation", equalTo("LOAN_TERMS_MISSING"));
        // loan relief cannot be priced or applied and says why; counselling goes ahead, valued on the reported balance:
        // 0.8 x 0.15 x (0.45 x 18,000.00 = 8,100.00) - 120.00 = 852.00
        given().get("/cases/" + alert + "/decisions").then().body("[0].trigger", equalTo("LOAN_WAIT_OVER"))
                .body("[0].candidates.kind", equalTo(List.of("RESTRUCTURING", "PAYMENT_EXTENSION", "FINANCIAL_COUNSELLING")))
                .body("[0].candidates.decision", equalTo(List.of("INELIGIBLE", "INELIGIBLE", "PROPOSED")))
                .body("[0].candidates[0].reasons[0]", containsString("the loan's terms are unknown here (no LOAN_OPENED received)"))
                .body("[0].candidates[0].reasons[0]", containsString("outstanding 18000.00, 35 days past due"))
                .body("[0].candidates[2].expectedValue", equalTo(852.0f));
        Events.awaitIntervention(customer, "FINANCIAL_COUNSELLING");

        // a person's proposal is no dead end either: relief is refused with what is missing (422), not "wait" (409)
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee"))
                .body(Map.of("alertId", alert.toString(), "kind", "PAYMENT_EXTENSION", "extensionMonths", 3))
                .post("/interventions").then().statusCode(422).body("detail", containsString("terms are unknown here"));

        // LOAN_OPENED after all: the case is decided again with the terms
        Events.loanOpened(customer, loan, "24000.00", "0.09", 36, LocalDate.now().minusMonths(8));
        await().atMost(WAIT).until(() -> "EVALUATED".equals(given().get("/cases/" + alert).then().extract().path("evaluation")));
        given().get("/cases/" + alert + "/decisions").then().body("size()", equalTo(2)).body("[1].trigger", equalTo("LOAN_OPENED"))
                .body("[1].candidates.find { it.kind == 'FINANCIAL_COUNSELLING' }.decision", equalTo("ALREADY_COVERED"));
    }

    @Test
    void aRepaymentOfADefaultedBorrowerDoesNotUndoTheDefault() {
        // 95 days past due when paid: the loan reached 90 days past due five days before the payment (involuntary churn)
        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        LocalDate paidOn = LocalDate.now();
        Events.send("repayment-events", customer, Events.envelope("REPAYMENT_RECEIVED", customer, Instant.now(), """
                {"loanId":"%s","paidOn":"%s","dueDate":"%s","amountDue":850.00,"amountPaid":850.00,"daysPastDue":95,"onTime":false,
                 "outstanding":17000.00}""".formatted(loan, paidOn, paidOn.minusDays(95))));
        await().atMost(WAIT).until(() -> given().get("/loans/" + loan).statusCode() == 200);
        given().get("/loans/" + loan).then().body("defaultOn", equalTo(paidOn.minusDays(5).toString())).body("daysPastDue", equalTo(0));
    }
}
