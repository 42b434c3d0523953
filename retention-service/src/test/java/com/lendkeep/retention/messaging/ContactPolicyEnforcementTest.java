package com.lendkeep.retention.messaging;

import static com.lendkeep.retention.support.Events.WAIT;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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

/** Contact preferences from customer-service's events decide whether and how an offer goes out; a refused one says why. */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class ContactPolicyEnforcementTest {

    /** 60,000.00 at 8 % over 12 months: a relationship-manager call (cost 80.00) is worth its cost on it (RI = 1,863.80). */
    static UUID customerWithLoan(UUID loan) {
        UUID customer = Customers.treatment();
        Events.loanOpened(customer, loan, "60000.00", "0.08", 12, LocalDate.now().minusMonths(2));
        return customer;
    }

    @Test
    void doNotContactBlocksTheOfferUntilThePreferencesAllowIt() {
        UUID loan = UUID.randomUUID();
        UUID customer = customerWithLoan(loan);
        Events.preferences(customer, true, List.of(), null);
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(given().get("/customers/" + customer).then().extract().path("doNotContact")));
        Events.raise(customer, UUID.randomUUID(), loan, "INVOLUNTARY", "MEDIUM", "0.5", "2 consecutive missed installments");
        String id = Events.awaitIntervention(customer, "PAYMENT_EXTENSION");
        Events.approve(id);
        given().get("/interventions/" + id).then().body("status", equalTo("BLOCKED"))
                .body("deliveryDetail", equalTo("contact policy: the customer asked not to be contacted (do-not-contact)"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + id + "/accept")
                .then().statusCode(409).body("detail", containsString("could not be offered"));

        Events.preferences(customer, false, List.of("SMS"), null);
        await().atMost(WAIT).until(() -> List.of("SMS").equals(given().get("/customers/" + customer).then().extract().path("allowedChannels")));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + id + "/offer")
                .then().statusCode(200).body("status", equalTo("OFFERED")).body("offerChannel", equalTo("SMS"))
                .body("offeredBy", equalTo("advisor.lee")).body("deliveryDetail", equalTo(null));
        given().get("/interventions/" + id + "/history").then().body("toStatus", equalTo(List.of("PROPOSED", "APPROVED", "BLOCKED", "OFFERED")));
    }

    @Test
    void aQuietPeriodBlocksOffersAndSaysWhich() {
        UUID loan = UUID.randomUUID();
        UUID customer = customerWithLoan(loan);
        LocalDate from = LocalDate.now().minusDays(1);
        LocalDate to = LocalDate.now().plusDays(10);
        Events.preferences(customer, false, List.of("EMAIL", "PHONE"), """
                {"from":"%s","to":"%s","reason":"bereavement"}""".formatted(from, to));
        // 404 until the customer's first event arrives, then the quiet period once its event has
        await().atMost(WAIT).until(() -> given().get("/customers/" + customer).then().extract().<List<?>>path("quietPeriods"),
                quiet -> quiet != null && quiet.size() == 1);
        given().get("/customers/" + customer).then().body("contactToday.allowed", equalTo(false));
        Events.raise(customer, UUID.randomUUID(), loan, "INVOLUNTARY", "MEDIUM", "0.5", "2 consecutive missed installments");
        String id = Events.awaitIntervention(customer, "PAYMENT_EXTENSION");
        Events.approve(id);
        String reason = "contact policy: quiet period " + from + ".." + to + " (bereavement)";
        given().get("/interventions/" + id).then().body("status", equalTo("BLOCKED")).body("deliveryDetail", equalTo(reason));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee")).body("{}").post("/interventions/" + id + "/offer")
                .then().statusCode(200).body("status", equalTo("BLOCKED")).body("deliveryDetail", equalTo(reason));
        given().get("/interventions/" + id + "/history").then().body("toStatus", equalTo(List.of("PROPOSED", "APPROVED", "BLOCKED")));
    }

    @Test
    void offersUseOnlyAllowedChannelsAndACallNeedsAConversationChannel() {
        UUID loan = UUID.randomUUID();
        UUID customer = customerWithLoan(loan);
        Events.tier(customer, "GOLD");
        Events.preferences(customer, false, List.of("LETTER"), null);
        await().atMost(WAIT).until(() -> List.of("LETTER").equals(given().get("/customers/" + customer).then().extract().path("allowedChannels")));
        UUID alert = UUID.randomUUID();
        Events.raise(customer, alert, loan, "VOLUNTARY", "HIGH", "0.6", "asked for a payoff quote twice");
        String loyalty = Events.awaitIntervention(customer, "LOYALTY_RATE");
        given().get("/interventions/" + loyalty).then().body("status", equalTo("OFFERED")).body("offerChannel", equalTo("LETTER"));
        // a call no allowed channel can carry is not proposed at all: the decision log says why (contact policy)
        given().get("/cases/" + alert + "/decisions").then().statusCode(200)
                .body("[0].candidates.find { it.kind == 'RELATIONSHIP_MANAGER_CALL' }.decision", equalTo("CONTACT_POLICY"))
                .body("[0].candidates.find { it.kind == 'RELATIONSHIP_MANAGER_CALL' }.reasons[0]",
                        equalTo("contact policy: no allowed channel for this offer (customer allows [LETTER], it needs one of [PHONE, BRANCH])"));
        given().queryParam("customerId", customer.toString()).queryParam("kind", "RELATIONSHIP_MANAGER_CALL").get("/interventions")
                .then().body("", org.hamcrest.Matchers.empty());
    }

    @Test
    void atMostTwoOffersPerCustomerIn30Days() {
        UUID loan = UUID.randomUUID();
        UUID customer = customerWithLoan(loan);
        Events.tier(customer, "PLATINUM");
        Events.raise(customer, UUID.randomUUID(), loan, "INVOLUNTARY", "MEDIUM", "0.5", "2 consecutive missed installments");
        String extension = Events.awaitIntervention(customer, "PAYMENT_EXTENSION");
        Events.approve(extension);
        Events.awaitStatus(extension, "OFFERED");
        Events.raise(customer, UUID.randomUUID(), loan, "VOLUNTARY", "MEDIUM", "0.6", "asked for a payoff quote twice");
        Events.awaitStatus(Events.awaitIntervention(customer, "LOYALTY_RATE"), "OFFERED");

        UUID third = UUID.randomUUID();
        Events.raise(customer, third, loan, "VOLUNTARY", "HIGH", "0.6", "asked for a payoff quote 3 times");
        String call = Events.awaitIntervention(customer, "RELATIONSHIP_MANAGER_CALL");
        given().get("/interventions/" + call).then().body("status", equalTo("BLOCKED"))
                .body("deliveryDetail", equalTo("contact policy: 2 offer(s) in the last 30 days, at most 2"));
        // the third alert's loyalty rate is not even proposed: two relief interventions this year already
        given().get("/cases/" + third).then().body("candidates[0].kind", equalTo("LOYALTY_RATE"))
                .body("candidates[0].decision", equalTo("INELIGIBLE"))
                .body("candidates[0].reasons[0]", containsString("had 2 loan relief intervention(s) in the 12 months"));
        given().get("/customers/" + customer).then().body("contactToday.offersInWindow", equalTo(2))
                .body("contactToday.allowed", equalTo(false));
    }
}
