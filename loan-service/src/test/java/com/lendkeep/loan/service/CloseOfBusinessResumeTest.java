package com.lendkeep.loan.service;

import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.database;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 16 point 6: a close of business stopped half-way (after two committed chunks of 7 loans, as
 * a crash of the service would leave it) is resumed by asking for the same date again, and closes
 * each loan's day exactly once: one late fee, one PAYMENT_MISSED, one bucket move per loan.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CloseOfBusinessResumeTest {

    private static final int LOANS = 40;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
        CrashAfterChunks.arm(0);
    }

    @Test
    void aRunStoppedHalfWayIsResumedWithoutClosingAnyLoansDayTwice() throws Exception {
        LocalDate start = businessDate();
        List<String> loans = new ArrayList<>();
        for (int i = 0; i < LOANS; i++) {
            Map<String, Object> body = TestSupport.loanBody(TestSupport.knownCustomer(), "3000.00", "0.06", 6, start, "ANNUITY");
            body.put("lateFee", "10.00");
            loans.add(openLoan(body));
        }
        LocalDate closeTo = start.plusMonths(1).plusDays(1);

        CrashAfterChunks.arm(2);
        given().contentType(ContentType.JSON).body(Map.of("date", closeTo.toString())).post("/business-date").then().statusCode(500);
        assertEquals(closeTo, businessDate(), "the date moved in the run's first transaction");
        long run;
        try (Connection c = database(); PreparedStatement st = c.prepareStatement(
                "SELECT id, chunks, (SELECT count(*) FROM close_of_business_queue q WHERE q.run_id = r.id) FROM close_of_business_run r "
                        + "WHERE finished_at IS NULL")) {
            ResultSet rs = st.executeQuery();
            assertTrue(rs.next(), "the run is left unfinished");
            run = rs.getLong(1);
            assertEquals(2, rs.getInt(2), "two chunks committed before the crash");
            assertTrue(rs.getLong(3) > 0, "loans still queued");
        }
        int closedBeforeResume = overdueFirstInstallments(loans);
        assertTrue(closedBeforeResume < LOANS, "stopped half-way: " + closedBeforeResume + " of " + LOANS + " loans closed");

        given().contentType(ContentType.JSON).body(Map.of("date", closeTo.toString())).post("/business-date").then().statusCode(200);
        try (Connection c = database(); PreparedStatement st = c.prepareStatement(
                "SELECT finished_at IS NOT NULL, (SELECT count(*) FROM close_of_business_queue q WHERE q.run_id = r.id) "
                        + "FROM close_of_business_run r WHERE id = ?")) {
            st.setLong(1, run);
            ResultSet rs = st.executeQuery();
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1), "the resumed run is finished");
            assertEquals(0, rs.getLong(2));
        }
        assertEquals(LOANS, overdueFirstInstallments(loans));

        try (Connection c = database(); PreparedStatement fees = c.prepareStatement(
                "SELECT i.fee_due, (SELECT count(*) FROM delinquency_history h WHERE h.loan_id = i.loan_id AND h.trigger = 'CLOSE_OF_BUSINESS') "
                        + "FROM installment i WHERE i.loan_id = ?::uuid AND i.seq = 1")) {
            for (String id : loans) {
                fees.setString(1, id);
                ResultSet rs = fees.executeQuery();
                assertTrue(rs.next());
                assertEquals(new BigDecimal("10.00"), rs.getBigDecimal(1), "one late fee on loan " + id);
                assertEquals(1, rs.getInt(2), "one bucket move for loan " + id);
            }
        }
        var missed = kafka.awaitAll("repayment-events", r -> r.value().contains("\"PAYMENT_MISSED\"")
                && loans.stream().anyMatch(r.value()::contains), LOANS, TestSupport.WAIT);
        assertEquals(LOANS, missed.size());
        long all = kafka.readAll("repayment-events", Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains("\"PAYMENT_MISSED\"") && loans.stream().anyMatch(r.value()::contains)).count();
        assertEquals(LOANS, all, "one PAYMENT_MISSED per loan, none repeated by the resumed run");
    }

    @Test
    void twoClosesOfBusinessAtOnceCloseEachLoanOnce() throws Exception {
        LocalDate start = businessDate();
        List<String> loans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> body = TestSupport.loanBody(TestSupport.knownCustomer(), "3000.00", "0.06", 6, start, "ANNUITY");
            body.put("lateFee", "10.00");
            loans.add(openLoan(body));
        }
        String closeTo = start.plusMonths(1).plusDays(1).toString();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().contentType(ContentType.JSON).body(Map.of("date", closeTo)).post("/business-date").statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var a : answers) {
            statuses.add(a.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertTrue(statuses.contains(200) && statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        given().contentType(ContentType.JSON).body(Map.of("date", closeTo)).post("/business-date").then().statusCode(200);
        assertEquals(loans.size(), overdueFirstInstallments(loans));
        try (Connection c = database(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM installment WHERE loan_id::text = ANY (?) AND seq = 1 AND fee_due = 10.00")) {
            st.setArray(1, c.createArrayOf("text", loans.toArray()));
            ResultSet rs = st.executeQuery();
            rs.next();
            assertEquals(loans.size(), rs.getInt(1), "one late fee per loan");
        }
    }

    private static int overdueFirstInstallments(List<String> loans) throws Exception {
        try (Connection c = database(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM installment WHERE loan_id::text = ANY (?) AND seq = 1 AND status = 'OVERDUE'")) {
            st.setArray(1, c.createArrayOf("text", loans.toArray()));
            ResultSet rs = st.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }
}
