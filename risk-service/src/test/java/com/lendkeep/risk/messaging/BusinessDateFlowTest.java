package com.lendkeep.risk.messaging;

import static com.lendkeep.risk.messaging.Events.BOOK;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.risk.service.BusinessCalendar;
import com.lendkeep.risk.service.RescoreJob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The business date drives windows and decay: it comes from BUSINESS_DATE_CHANGED (a system event that
 * creates no customer) and from envelopes, never goes backwards, and the scheduled re-score brings a
 * late customer's days past due up to it without any event of the customer. Moves the shared business
 * date forward, so it runs after the other classes.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@Order(Integer.MAX_VALUE)
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

    @AfterAll
    static void close() {
        kafka.close();
    }

    static int daysPastDue(UUID customer) {
        return given().get("/risk/customers/" + customer).then().extract().path("features.daysPastDue");
    }

    @Test
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
}
