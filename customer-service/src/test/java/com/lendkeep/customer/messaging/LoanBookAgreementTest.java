package com.lendkeep.customer.messaging;

import static com.lendkeep.customer.TestSupport.businessDateChanged;
import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The 360 agrees with the loan book (issue 17, point 2): loan-service-shaped events on the real
 * topics, in the order and with the figures loan-service produces them. Reproductions: the overview
 * said 61 days past due and 11,322.74 overdue while loan-service said 66 and 16,984.11 (a missed
 * installment of 5,661.37 five days later was not applied, and days past due did not grow); after a
 * rate change it still showed 5 % instead of 4.5 %.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class LoanBookAgreementTest {

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

    private static JsonPath overview(String id) {
        return new JsonPath(given().get("/customers/" + id + "/overview").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static BigDecimal amount(JsonPath json, String path) {
        Object v = json.get(path);
        return v == null ? null : new BigDecimal(v.toString());
    }

    private static void moveBook(LocalDate date) {
        kafka.send("loan-events", new UUID(0, 0).toString(), businessDateChanged(date));
        await().atMost(WAIT).until(() -> !today().isBefore(date));
    }

    private static String opened(String id, UUID loan, LocalDate start, LocalDate bd) {
        return envelope("LOAN_OPENED", id, Instant.now(), bd, """
                {"loanId":"%s","principal":120000.00,"annualRate":0.05,"termMonths":24,"startDate":"%s","installmentAmount":5661.37}
                """.formatted(loan, start));
    }

    private static String missed(String id, UUID loan, Instant at, LocalDate bd, LocalDate due, int seq) {
        return envelope("PAYMENT_MISSED", id, at, bd, """
                {"loanId":"%s","installmentNumber":%d,"dueDate":"%s","amountDue":5661.37,"daysPastDue":%d,"consecutiveMissed":%d,
                 "outstanding":120000.00}
                """.formatted(loan, seq, due, bd.toEpochDay() - due.toEpochDay(), seq));
    }

    private static String delinquency(String id, UUID loan, Instant at, LocalDate bd, String bucket, int dpd, String overdue) {
        return envelope("DELINQUENCY_CHANGED", id, at, bd, """
                {"loanId":"%s","previousBucket":null,"newBucket":"%s","daysPastDue":%d,"overdueAmount":%s}
                """.formatted(loan, bucket, dpd, overdue));
    }

    @Test
    void arrearsFollowTheBookAndDaysPastDueGrowWithTheBusinessDate() {
        String id = register(customer());
        UUID loan = UUID.randomUUID();
        LocalDate d = today().plusDays(1);
        LocalDate first = d.minusDays(61);
        LocalDate second = first.plusMonths(1);
        Instant t = Instant.now();
        kafka.send("loan-events", id, opened(id, loan, first.minusMonths(1), d));
        // two missed installments (repayment-events) and loan-service's own figure (loan-events), which includes both:
        // the snapshot is sent first, as the two topics may deliver it, so a fold by arrival would count them twice
        kafka.send("loan-events", id, delinquency(id, loan, t.plusMillis(3), d, "61-90", 61, "11322.74"));
        kafka.send("repayment-events", id, missed(id, loan, t.plusMillis(1), first.plusDays(6), first, 1));
        kafka.send("repayment-events", id, missed(id, loan, t.plusMillis(2), d, second, 2));
        moveBook(d);
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(overview(id).get("loans[0].missedPayments")));
        JsonPath now = overview(id);
        assertEquals(0, new BigDecimal("11322.74").compareTo(amount(now, "loans[0].overdueAmount")), now.prettify());
        assertEquals(61, now.getInt("loans[0].daysPastDue"));

        // five days later the third installment is missed: 66 days, 16,984.11 (= 3 x 5,661.37), as loan-service says
        LocalDate later = d.plusDays(5);
        kafka.send("repayment-events", id, missed(id, loan, Instant.now(), later, second.plusMonths(1), 3));
        moveBook(later);
        await().atMost(WAIT).until(() -> Integer.valueOf(3).equals(overview(id).get("loans[0].missedPayments")));
        now = overview(id);
        assertEquals(0, new BigDecimal("16984.11").compareTo(amount(now, "loans[0].overdueAmount")), now.prettify());
        assertEquals(66, now.getInt("loans[0].daysPastDue"));
        assertEquals(66, now.getInt("loanSummary.maxDaysPastDue"));

        // a repayment pays the oldest overdue installment first: 5,661.37 + 100 leaves the two others less 100,
        // overdue from the second due date
        kafka.send("repayment-events", id, envelope("REPAYMENT_RECEIVED", id, Instant.now(), later, """
                {"loanId":"%s","paidOn":"%s","dueDate":"%s","amountDue":16984.11,"amountPaid":5761.37,"daysPastDue":66,
                 "onTime":false,"outstanding":115000.00,"creditLimit":null,"interestPaid":500.00}
                """.formatted(loan, later, first)));
        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(overview(id).get("loans[0].repayments")));
        now = overview(id);
        assertEquals(0, new BigDecimal("11222.74").compareTo(amount(now, "loans[0].overdueAmount")), now.prettify());
        assertEquals(later.toEpochDay() - second.toEpochDay(), now.getInt("loans[0].daysPastDue"));
        assertEquals(0, new BigDecimal("115000.00").compareTo(amount(now, "loans[0].outstanding")));
    }

    @Test
    void aRateChangeIsTheLoansRateAndItsLifetimeValue() {
        String id = register(customer());
        UUID loan = UUID.randomUUID();
        LocalDate bd = today();
        kafka.send("loan-events", id, opened(id, loan, bd, bd));
        await().atMost(WAIT).until(() -> overview(id).get("loans[0].annualRate") != null);
        kafka.send("loan-events", id, envelope("LOAN_MODIFIED", id, Instant.now(), bd, """
                {"loanId":"%s","modificationType":"RATE_CHANGE","interventionId":null,"scheduleVersion":2,"description":"loyalty rate",
                 "forbearanceUntil":null,"remainingDueDates":["%s"],"annualRate":0.045}
                """.formatted(loan, bd.plusMonths(24))));
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(overview(id).get("loans[0].scheduleVersion")));
        JsonPath now = overview(id);
        assertEquals(0, new BigDecimal("0.045").compareTo(amount(now, "loans[0].annualRate")), now.prettify());
        // lifetime value = 120,000 x 4.5 % x 24/12 x 0.5 = 5,400 (no interest paid yet)
        assertEquals(0, new BigDecimal("5400.00").compareTo(amount(now, "profile.tier.inputs.lifetimeValue")), now.prettify());
    }

    @Test
    void aLateOlderRepaymentDoesNotOverwriteANewerOutstanding() {
        String id = register(customer());
        UUID loan = UUID.randomUUID();
        LocalDate bd = today();
        Instant t = Instant.now();
        kafka.send("loan-events", id, opened(id, loan, bd.minusMonths(2), bd));
        kafka.send("repayment-events", id, envelope("REPAYMENT_RECEIVED", id, t, bd, """
                {"loanId":"%s","paidOn":"%s","amountDue":5661.37,"amountPaid":5661.37,"daysPastDue":0,"onTime":true,
                 "outstanding":110000.00,"interestPaid":500.00}""".formatted(loan, bd.minusMonths(1))));
        // recorded earlier, delivered later (a redelivery after a rebalance): its outstanding is history
        kafka.send("repayment-events", id, envelope("REPAYMENT_RECEIVED", id, t.minusSeconds(60), bd, """
                {"loanId":"%s","paidOn":"%s","amountDue":5661.37,"amountPaid":5661.37,"daysPastDue":0,"onTime":true,
                 "outstanding":115000.00,"interestPaid":500.00}""".formatted(loan, bd.minusMonths(1))));
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(overview(id).get("loans[0].repayments")));
        assertEquals(0, new BigDecimal("110000.00").compareTo(amount(overview(id), "loans[0].outstanding")));
    }
}
