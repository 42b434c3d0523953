package com.lendkeep.risk.messaging;

import static com.lendkeep.risk.messaging.Events.BOOK;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.risk.service.BusinessCalendar;
import com.lendkeep.risk.service.RescoreJob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The business date drives windows and decay: it comes from BUSINESS_DATE_CHANGED (a system event that
 * creates no customer) and from envelopes, never goes backwards, and the scheduled re-score brings a
 * late customer's days past due up to it without any event of the customer. Moves the shared business
 * date forward; the other flow tests work on whatever business date they find (Events.startAt).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BusinessDateFlowTest {

    private static KafkaTestClient kafka;

    @Inject
    BusinessCalendar calendar;
    @Inject
    RescoreJob rescore;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @org.junit.jupiter.api.BeforeEach
    void onTheCurrentBusinessDate() {
        Events.startAt(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(calendar::refresh));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static int daysPastDue(UUID customer) {
        return given().get("/risk/customers/" + customer).then().extract().path("features.daysPastDue");
    }

    @Test
    @Order(1)
    void theBusinessDateMovesForwardOnlyAndAgesArrearsWithoutNewEvents() {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        String key = customer.toString();
        kafka.send("loan-events", Events.SYSTEM.toString(), Events.businessDateChanged(BOOK, BOOK.minusDays(1)));
        kafka.send("repayment-events", key, Events.missed(customer, loan, BOOK.minusDays(10), 10, 1));
        await().atMost(Duration.ofSeconds(40)).until(() -> given().get("/risk/customers/" + key).statusCode() == 200
                && daysPastDue(customer) == 10);
        given().get("/risk/customers/" + Events.SYSTEM).then().statusCode(404);

        // close of business moves the book 20 days on: nothing else happens to the customer
        kafka.send("loan-events", Events.SYSTEM.toString(), Events.businessDateChanged(BOOK.plusDays(20), BOOK));
        await().atMost(Duration.ofSeconds(40)).until(() -> BOOK.plusDays(20).equals(QuarkusTransaction.requiringNew()
                .call(calendar::refresh)));
        // an older date told later (a replayed event) does not move it back
        kafka.send("loan-events", Events.SYSTEM.toString(), Events.businessDateChanged(BOOK.plusDays(5), BOOK.plusDays(4)));
        kafka.send("contact-events", UUID.randomUUID().toString(), Events.contact(UUID.randomUUID(), "GENERAL", BOOK));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertEquals(BOOK.plusDays(20), QuarkusTransaction.requiringNew().call(calendar::refresh));

        // the scheduled re-score takes the late customer (its re-score date has come) and no one else needs an event
        assertTrue(rescore.runOnce() >= 1);
        assertEquals(30, daysPastDue(customer), "due 2027-03-01, unpaid, on business date 2027-03-31");
        List<String> causes = given().get("/risk/customers/" + key).then().extract().path("history.cause");
        assertEquals(RescoreJob.CAUSE, causes.get(0));
        given().get("/risk/customers/" + key).then().extract().path("features.daysPastDue");
        // nothing more is due today: a second run right after takes no one again for this customer
        rescore.runOnce();
        assertEquals(30, daysPastDue(customer));
    }

    /**
     * 60 customers repay alike on D1; on D2 a third of them miss a payment and are charged off. Trained on the
     * features as they were on D1 (snapshots) nothing tells them apart (AUC 0.5: the outcome cannot leak in);
     * trained on today's features the missed payment gives the outcome away. Monitoring scores the D1 predictions
     * against the charge-offs that matured within the horizon.
     */
    @Test
    @Order(2)
    void trainingJoinsEachLabelWithTheFeaturesOfThePredictionDateAndMonitoringUsesMaturedOutcomes() {
        LocalDate start = QuarkusTransaction.requiringNew().call(calendar::refresh);
        LocalDate d1 = start.plusDays(10);
        LocalDate d2 = d1.plusDays(10);
        List<UUID> customers = new java.util.ArrayList<>();
        List<UUID> loans = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            customers.add(UUID.randomUUID());
            loans.add(UUID.randomUUID());
            kafka.send("repayment-events", customers.get(i).toString(), Events.repaid(customers.get(i), loans.get(i), d1, d1, "500.00",
                    "500.00", "9000.00", null, d1));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> customers.stream().allMatch(c -> given().get("/risk/customers/" + c)
                .statusCode() == 200));
        for (int i = 0; i < 60; i++) {
            String key = customers.get(i).toString();
            if (i % 3 == 0) {
                kafka.send("repayment-events", key, Events.missed(customers.get(i), loans.get(i), d2.minusDays(5), 5, 1, d2));
                kafka.send("loan-events", key, Events.chargedOff(customers.get(i), loans.get(i), d2));
            } else {
                kafka.send("repayment-events", key, Events.repaid(customers.get(i), loans.get(i), d2, d2, "500.00", "500.00", "8500.00",
                        null, d2));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> customers.stream().allMatch(c -> {
            var p = given().get("/risk/customers/" + c).then().extract().jsonPath();
            return p.getInt("features.paymentsTotal") + p.getInt("features.missedTotal") == 2
                    && (customers.indexOf(c) % 3 != 0 || p.getInt("features.activeLoans") == 0);
        }));

        List<java.util.Map<String, String>> outcomes = customers.stream().map(c -> java.util.Map.of("customerId", c.toString(),
                "outcome", customers.indexOf(c) % 3 == 0 ? "CHURNED_INVOLUNTARY" : "RETAINED")).toList();
        given().contentType(ContentType.JSON).body(java.util.Map.of("algorithm", "LOGISTIC_REGRESSION", "churnType", "INVOLUNTARY",
                "seed", 3, "outcomes", outcomes, "predictionDate", d1.minusDays(5).toString())).post("/models/train").then()
                .statusCode(422).body("detail", containsString("only 0 of the customers"));
        given().contentType(ContentType.JSON).body(java.util.Map.of("algorithm", "LOGISTIC_REGRESSION", "churnType", "INVOLUNTARY",
                "seed", 3, "outcomes", outcomes, "predictionDate", d1.toString())).post("/models/train").then().statusCode(201)
                .body("trainingSize", equalTo(60)).body("metrics.validationAuc", equalTo(0.5f));
        given().contentType(ContentType.JSON).body(java.util.Map.of("algorithm", "LOGISTIC_REGRESSION", "churnType", "INVOLUNTARY",
                "seed", 3, "outcomes", outcomes)).post("/models/train").then().statusCode(201)
                .body("trainingSize", equalTo(60)).body("metrics.validationAuc", greaterThan(0.9f));

        // predictions dated D1 or before, outcomes within 10 days after them: the 20 charge-offs of D2 have matured
        given().queryParam("horizonDays", 10).get("/models/monitoring/INVOLUNTARY").then().statusCode(200)
                .body("businessDate", equalTo(d2.toString())).body("churned", greaterThanOrEqualTo(20))
                .body("matured", greaterThanOrEqualTo(60)).body("champion.auc", notNullValue())
                .body("champion.brier", lessThan(1f)).body("champion.calibration.size()", greaterThan(0));
    }
}
