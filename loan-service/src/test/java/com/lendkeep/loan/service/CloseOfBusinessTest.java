package com.lendkeep.loan.service;

import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.event;
import static com.lendkeep.loan.TestSupport.events;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.money;
import static com.lendkeep.loan.TestSupport.openLoan;
import static com.lendkeep.loan.TestSupport.pay;
import static com.lendkeep.loan.TestSupport.unpaid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Close of business on real PostgreSQL and Kafka: missed payments, delinquency buckets, charge-off. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CloseOfBusinessTest {

    private static KafkaTestClient kafka;

    @jakarta.inject.Inject
    CloseOfBusinessScheduler scheduler;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aLoanWalksThroughEveryBucketAndBackOutAfterRepayment() {
        UUID customer = UUID.randomUUID();
        String id = openLoan(customer, "12000.00", "0.06", 12, "ANNUITY");
        LocalDate due1 = LocalDate.parse(loan(id).getString("schedule[0].dueDate"));

        List<String> expected = List.of("1-30", "31-60", "61-90", "91+");
        int[] days = { 1, 31, 61, 91 };
        for (int k = 0; k < days.length; k++) {
            advanceTo(due1.plusDays(days[k]));
            given().get("/loans/" + id).then().body("delinquencyBucket", equalTo(expected.get(k)))
                    .body("daysPastDue", equalTo(days[k]));
        }
        JsonPath delinquency = given().get("/loans/" + id + "/delinquency").then().statusCode(200).extract().jsonPath();
        assertEquals("91+", delinquency.getString("bucket"));
        assertEquals(4, delinquency.getList("history").size());
        assertEquals("CLOSE_OF_BUSINESS", delinquency.getString("history[3].trigger"));
        assertEquals("61-90", delinquency.getString("history[3].previousBucket"));

        // paying the oldest installment leaves the next one as the oldest overdue: a lower bucket
        JsonPath before = loan(id);
        JsonPath paid = pay(id, unpaid(before, 0));
        assertFalse(paid.getBoolean("onTime"));
        assertEquals(91, paid.getInt("daysLate"));
        String lower = loan(id).getString("delinquencyBucket");
        assertTrue(lower.equals("31-60") || lower.equals("61-90"), "one month less past due: " + lower);

        // paying everything overdue brings the loan back to current
        pay(id, money(loan(id).get("overdueAmount")));
        given().get("/loans/" + id).then().body("daysPastDue", equalTo(0)).body("delinquencyBucket", equalTo(null));
        given().get("/loans/" + id + "/delinquency").then().body("history.size()", equalTo(6))
                .body("history[5].trigger", equalTo("REPAYMENT")).body("history[5].newBucket", equalTo(null));

        List<JsonNode> changes = events(kafka, "loan-events", "DELINQUENCY_CHANGED", id, 6);
        List<String> moves = new ArrayList<>();
        for (JsonNode e : changes) {
            moves.add(e.get("data").get("previousBucket").asText("current") + "->" + e.get("data").get("newBucket").asText("current"));
            assertEquals(customer.toString(), e.get("customerId").asText(), "keyed by customer");
        }
        assertEquals(List.of("current->1-30", "1-30->31-60", "31-60->61-90", "61-90->91+", "91+->" + lower, lower + "->current"), moves);
        assertEquals(91, changes.get(3).get("data").get("daysPastDue").asInt());
        assertTrue(changes.get(3).get("data").get("overdueAmount").decimalValue().signum() > 0);

        // installments 1..3 at least (the 4th too when three months are at most 90 days)
        List<JsonNode> missed = events(kafka, "repayment-events", "PAYMENT_MISSED", id, 3);
        assertEquals(1, missed.get(0).get("data").get("installmentNumber").asInt());
        for (JsonNode m : missed) {
            assertTrue(m.get("data").get("amountDue").decimalValue().signum() > 0, "never a missed payment of 0");
        }
    }

    @Test
    void theSchedulerMovesTheDateUpToTodayAndNeverBack() {
        LocalDate before = businessDate();
        scheduler.run();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        assertEquals(before.isBefore(today) ? today : before, businessDate());
    }

    @Test
    void getBusinessDateReportsWhatTheLastCloseOfBusinessDid() {
        String id = openLoan(UUID.randomUUID(), "6000.00", "0.05", 6, "EQUAL_PRINCIPAL");
        LocalDate due1 = LocalDate.parse(loan(id).getString("schedule[0].dueDate"));
        JsonPath posted = advanceTo(due1.plusDays(1));
        assertTrue(posted.getInt("missedPayments") >= 1);
        JsonPath got = given().get("/business-date").then().statusCode(200).extract().jsonPath();
        assertEquals(posted.getString("date"), got.getString("date"));
        assertEquals(posted.getInt("missedPayments"), got.getInt("missedPayments"));
        assertEquals(posted.getInt("delinquencyChanges"), got.getInt("delinquencyChanges"));
        assertEquals(TestUsers.DEFAULT_USER, got.getString("triggeredBy"), "the token's user");
        // the same date again is a no-op close of business: nothing new is missed
        assertEquals(0, advanceTo(due1.plusDays(1)).getInt("missedPayments"));
    }

    @Test
    void aLoanPastTheThresholdIsChargedOffAtCloseOfBusiness() {
        UUID customer = UUID.randomUUID();
        String id = openLoan(customer, "9000.00", "0.07", 12, "ANNUITY");
        LocalDate due1 = LocalDate.parse(loan(id).getString("schedule[0].dueDate"));
        LocalDate date = due1.plusDays(180);
        JsonPath cob = advanceTo(date);
        assertTrue(cob.getInt("chargedOff") >= 1);

        JsonPath charged = loan(id);
        assertEquals("CHARGED_OFF", charged.getString("status"));
        assertEquals(date.toString(), charged.getString("closedOn"));
        assertTrue(charged.getString("closureReason").contains("180"));
        BigDecimal interestDue = BigDecimal.ZERO;
        for (int i = 0; i < 12; i++) {
            if (!LocalDate.parse(charged.getString("schedule[" + i + "].dueDate")).isAfter(date)) {
                interestDue = interestDue.add(money(charged.get("schedule[" + i + "].interest")));
            }
        }
        JsonNode closed = event(kafka, "loan-events", "LOAN_CLOSED", id).get("data");
        assertEquals("CHARGED_OFF", closed.get("closure").asText());
        assertEquals(0, new BigDecimal("9000.00").compareTo(closed.get("unrecoveredPrincipal").decimalValue()));
        assertEquals(0, interestDue.compareTo(closed.get("unrecoveredInterest").decimalValue()), "interest due by the charge-off date");

        given().contentType(ContentType.JSON).body(Map.of("amount", "100.00")).post("/loans/" + id + "/repayments")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("CHARGED_OFF"));
        // a closed loan is not looked at again: no further missed payments
        long before = missedPayments(id);
        advanceTo(date.plusMonths(1));
        assertEquals(before, missedPayments(id));
    }

    private static long missedPayments(String loanId) {
        return kafka.readAll("repayment-events", TestSupport.WAIT).stream()
                .filter(r -> r.value().contains("PAYMENT_MISSED") && r.value().contains(loanId)).count();
    }

    @Test
    void anOperatorChargesOffALoanWithAReason() {
        UUID customer = UUID.randomUUID();
        String id = openLoan(customer, "5000.00", "0.05", 10, "ANNUITY");
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.amy", "advisor")).body(Map.of("reason", "fraud confirmed"))
                .post("/loans/" + id + "/charge-off").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header(TestUsers.as("ops.kim")).body(Map.of("reason", " "))
                .post("/loans/" + id + "/charge-off").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        given().contentType(ContentType.JSON).header(TestUsers.as("ops.kim")).body(Map.of("reason", "fraud confirmed"))
                .post("/loans/" + id + "/charge-off").then().statusCode(200)
                .body("status", equalTo("CHARGED_OFF")).body("closureReason", equalTo("fraud confirmed"));
        JsonNode closed = event(kafka, "loan-events", "LOAN_CLOSED", id).get("data");
        assertEquals(0, new BigDecimal("5000.00").compareTo(closed.get("unrecoveredPrincipal").decimalValue()));
        assertEquals(0, closed.get("unrecoveredInterest").decimalValue().signum(), "nothing was due yet");
        given().contentType(ContentType.JSON).header(TestUsers.as("ops.kim")).body(Map.of("reason", "again"))
                .post("/loans/" + id + "/charge-off").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void lateFeesAreChargedWhenAnInstallmentIsMissedAndPaidFirst() {
        Map<String, Object> body = TestSupport.loanBody(UUID.randomUUID(), "3000.00", "0.06", 6, businessDate(), "ANNUITY");
        body.put("lateFee", "25.00");
        String id = openLoan(body);
        LocalDate due1 = LocalDate.parse(loan(id).getString("schedule[0].dueDate"));
        assertTrue(advanceTo(due1.plusDays(2)).getInt("lateFeesCharged") >= 1);
        JsonPath overdue = loan(id);
        assertEquals(new BigDecimal("25.00"), money(overdue.get("schedule[0].fee")));
        assertEquals(new BigDecimal("25.00"), money(overdue.get("outstandingFees")));
        BigDecimal installment = money(overdue.get("schedule[0].total"));
        // the scheduled amount alone does not settle it: the fee is taken first
        JsonPath paid = pay(id, installment);
        assertEquals(new BigDecimal("25.00"), money(paid.get("toFees")));
        given().get("/loans/" + id).then().body("schedule[0].status", equalTo("OVERDUE"));
        pay(id, new BigDecimal("25.00"));
        given().get("/loans/" + id).then().body("schedule[0].status", equalTo("PAID")).body("delinquencyBucket", equalTo(null));
    }

    @Test
    void portfolioTotalsAddUpByBucket() {
        String id = openLoan(UUID.randomUUID(), "4000.00", "0.05", 4, "ANNUITY");
        LocalDate due1 = LocalDate.parse(loan(id).getString("schedule[0].dueDate"));
        advanceTo(due1.plusDays(5));
        JsonPath p = TestSupport.exact(given().get("/portfolio").then().statusCode(200).extract().asString());
        assertEquals(List.of("1-30", "31-60", "61-90", "91+"), p.getList("buckets.bucket"));
        BigDecimal sum = money(p.get("current.outstandingPrincipal"));
        long loans = p.getLong("current.loans");
        for (int i = 0; i < 4; i++) {
            sum = sum.add(money(p.get("buckets[" + i + "].outstandingPrincipal")));
            loans += p.getLong("buckets[" + i + "].loans");
        }
        assertEquals(money(p.get("outstandingPrincipal")), sum);
        assertEquals(p.getLong("activeLoans"), loans);
        assertTrue(p.getLong("buckets[0].loans") >= 1, "this loan is 5 days past due");
        assertTrue(money(p.get("buckets[0].overdueAmount")).signum() > 0);
        assertNotNull(p.getString("closedLoans.CHARGED_OFF"));
    }

    /**
     * A repayment and a close of business on the same loan at the same moment: whichever goes first,
     * the other sees its result (no installment both paid and overdue, no lost update).
     */
    @Test
    void closeOfBusinessAndARepaymentOnTheSameLoanSerialize() throws Exception {
        String id = openLoan(UUID.randomUUID(), "2400.00", "0.05", 3, "ANNUITY");
        JsonPath opened = loan(id);
        LocalDate due1 = LocalDate.parse(opened.getString("schedule[0].dueDate"));
        BigDecimal first = unpaid(opened, 0);
        advanceTo(due1);
        CompletableFuture<Integer> repayment;
        CompletableFuture<Integer> cob;
        try (Connection db = TestSupport.database()) {
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM loan WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery();
            }
            // on the business date, whichever it is when the payment gets the loan
            repayment = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("amount", first.toPlainString()))
                    .post("/loans/" + id + "/repayments").then().extract().statusCode());
            cob = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(Map.of("date", due1.plusDays(1).toString()))
                    .post("/business-date").then().extract().statusCode());
            // both must still be waiting for the loan row 1.5 s later
            org.awaitility.Awaitility.await("both wait for the loan row").during(java.time.Duration.ofMillis(1500))
                    .atMost(java.time.Duration.ofSeconds(3)).until(() -> !repayment.isDone() && !cob.isDone());
            db.rollback();
        }
        assertEquals(201, repayment.get(30, TimeUnit.SECONDS));
        assertEquals(200, cob.get(30, TimeUnit.SECONDS));
        JsonPath after = loan(id);
        assertEquals("PAID", after.getString("schedule[0].status"), "the payment is never overwritten by the close of business");
        assertEquals(0, after.getInt("daysPastDue"));
        assertNull(after.get("delinquencyBucket"));
    }
}
