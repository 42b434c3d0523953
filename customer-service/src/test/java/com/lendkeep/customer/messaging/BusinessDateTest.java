package com.lendkeep.customer.messaging;

import static com.lendkeep.customer.TestSupport.businessDateChanged;
import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One date for the whole system: the loan book's business date, learnt from loan-events, decides
 * which dates are "in the future" and what ages, windows and stages are. Reproduction (issue 17): a
 * credit score dated ten days before the book's date was refused as "in the future" because the
 * wall clock was behind the book.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class BusinessDateTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** A book ~3 months ahead of the wall clock (as in the reproduction: 2027-03-11 on 2026-12-06), and of any earlier test's date. */
    private static LocalDate aheadOfEverything() {
        LocalDate wall = LocalDate.now(ZoneOffset.UTC);
        LocalDate known = today();
        return (known.isAfter(wall) ? known : wall).plusDays(95);
    }

    private static void moveBook(LocalDate date) {
        kafka.send("loan-events", new UUID(0, 0).toString(), businessDateChanged(date));
        await().atMost(WAIT).until(() -> date.equals(today()));
    }

    @Test
    void datesAreJudgedByTheBusinessDateNotTheWallClock() {
        LocalDate book = aheadOfEverything();
        moveBook(book);
        given().get("/business-date").then().statusCode(200).body("source", equalTo("LOAN_BOOK"));

        Map<String, Object> profile = customer();
        LocalDate since = LocalDate.now(ZoneOffset.UTC).minusMonths(1);
        profile.put("relationshipSince", since.toString());
        String id = register(profile);

        // dated 10 days before the book's date but after the wall clock: accepted (was "in the future")
        given().contentType(ContentType.JSON).body(Map.of("bureau", "EXPERIAN", "score", 700, "scoreDate", book.minusDays(10).toString()))
                .post("/customers/" + id + "/credit-scores").then().statusCode(201).body("effect", equalTo("NEW_LATEST"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE",
                "contactDate", book.toString())).post("/customers/" + id + "/contacts").then().statusCode(201);

        // a day after the book's date: refused, naming the field and the business date
        given().contentType(ContentType.JSON).body(Map.of("bureau", "EXPERIAN", "score", 700, "scoreDate", book.plusDays(1).toString()))
                .post("/customers/" + id + "/credit-scores").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scoreDate")).body("detail", containsString("business date " + book));
        given().contentType(ContentType.JSON).body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE",
                "contactDate", book.plusDays(1).toString())).post("/customers/" + id + "/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("contactDate")).body("detail", containsString("business date " + book));
        Map<String, Object> future = customer();
        future.put("relationshipSince", book.plusDays(1).toString());
        given().contentType(ContentType.JSON).body(future).post("/customers").then().statusCode(400)
                .body("errors.field", hasItem("relationshipSince")).body("detail", containsString("business date " + book));

        // ages and windows on the book's date: tenure from relationshipSince to the business date
        long months = ChronoUnit.MONTHS.between(since, book);
        given().get("/customers/" + id).then().statusCode(200)
                .body("assessedAsOf", equalTo(book.toString()))
                .body("lifecycleStage.inputs.tenureMonths", equalTo((int) months))
                .body("relationshipDepth.inputs.contactsLast12Months", equalTo(1));
    }

    @Test
    void theDateComesFromEveryLoanEventAndNeverMovesBack() {
        LocalDate book = aheadOfEverything();
        moveBook(book);
        // a late, older BUSINESS_DATE_CHANGED changes nothing
        kafka.send("loan-events", new UUID(0, 0).toString(), businessDateChanged(book.minusDays(30)));
        // any loan event carries the date it was produced on: a LOAN_OPENED stamped two days later moves it forward
        String id = register(customer());
        UUID loan = UUID.randomUUID();
        LocalDate later = book.plusDays(2);
        kafka.send("loan-events", id, envelope("LOAN_OPENED", id, Instant.now(), later, """
                {"loanId":"%s","principal":1000.00,"annualRate":0.05,"termMonths":12,"startDate":"%s","installmentAmount":90.00}
                """.formatted(loan, later)));
        await().atMost(WAIT).until(() -> later.equals(today()));
        // the older date, sent before the loan event on the same partition, was consumed and ignored
        assertEquals(later, today());
        // an event of the system customer creates no customer
        given().get("/customers/" + new UUID(0, 0)).then().statusCode(404);
    }
}
