package com.lendkeep.loan.service;

import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.database;
import static com.lendkeep.loan.TestSupport.exact;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.money;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 16 point 6, the window of a running close of business: the business date is already the new
 * one while some loans are still queued. An operation on such a loan must see the loan as the
 * finished close would have left it:
 * <ul>
 * <li>a repayment dated the new date comes after the close of the loan's day: the installment due
 * before it is missed (late fee, PAYMENT_MISSED), and the payment is late;</li>
 * <li>a repayment back-valued to before the new date comes before it: paid in full on its due date,
 * nothing is missed, no fee;</li>
 * <li>an operator charge-off writes off the late fee the day's close charges;</li>
 * </ul>
 * and the rest of the run closes every other loan once and these not again.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RepaymentDuringCloseOfBusinessTest {

    private static final int LOANS = 30;
    private static final BigDecimal LATE_FEE = new BigDecimal("10.00");
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
    void operationsOnALoanTheRunningCloseHasNotReachedSeeItsDayClosedFirstOrAfterByValueDate() throws Exception {
        LocalDate start = businessDate();
        List<String> loans = new ArrayList<>();
        for (int i = 0; i < LOANS; i++) {
            Map<String, Object> body = TestSupport.loanBody(TestSupport.knownCustomer(), "3000.00", "0.06", 6, start, "ANNUITY");
            body.put("lateFee", LATE_FEE.toPlainString());
            loans.add(openLoan(body));
        }
        LocalDate due = start.plusMonths(1);
        LocalDate closeTo = due.plusDays(1);

        CrashAfterChunks.arm(1);
        given().contentType(ContentType.JSON).body(Map.of("date", closeTo.toString())).post("/business-date").then().statusCode(500);
        assertEquals(closeTo, businessDate());
        List<String> queued = stillQueued(loans);
        assertTrue(queued.size() >= 3, "loans the stopped run has not reached: " + queued.size());
        String payingLate = queued.get(0);
        String payingOnTheDueDate = queued.get(1);
        String chargedOff = queued.get(2);

        // installment 1 of 3000.00 at 6 % over 6 months: 508.79 (interest 3000 x 0.005 = 15.00, principal 493.79; A = 15 / (1 - 1.005^-6) = 508.786..)
        BigDecimal installment = money(loan(payingLate).get("schedule[0].total"));
        assertEquals(new BigDecimal("508.79"), installment);

        // paid on the new date: its day is closed first, the installment was missed the day before
        JsonPath late = pay(payingLate, installment.add(LATE_FEE), null);
        assertEquals(1, late.getInt("daysLate"));
        assertFalse(late.getBoolean("onTime"));
        assertEquals(LATE_FEE, money(late.get("toFees")), "the late fee the close charged is paid first");
        JsonPath afterLate = loan(payingLate);
        assertEquals("PAID", afterLate.getString("schedule[0].status"));
        assertEquals(LATE_FEE, money(afterLate.get("schedule[0].fee")));
        assertEquals(0, afterLate.getInt("daysPastDue"));

        // back-valued to the due date, before the new date: it comes before the close, which then finds nothing missed
        JsonPath onTime = pay(payingOnTheDueDate, installment, due);
        assertEquals(0, onTime.getInt("daysLate"));
        assertTrue(onTime.getBoolean("onTime"));
        JsonPath afterOnTime = loan(payingOnTheDueDate);
        assertEquals("PAID", afterOnTime.getString("schedule[0].status"));
        assertEquals(0, money(afterOnTime.get("schedule[0].fee")).signum());

        // an operator charge-off writes off the late fee of the day being closed, as after the close
        JsonPath off = exact(given().contentType(ContentType.JSON).body(Map.of("reason", "fraud")).post("/loans/" + chargedOff + "/charge-off")
                .then().statusCode(200).extract().asString());
        assertEquals("CHARGED_OFF", off.getString("status"));
        assertEquals(LATE_FEE, money(off.get("outstandingFees")));

        JsonPath resumed = TestSupport.advanceTo(closeTo);
        assertEquals(0, countQueued());
        for (String id : loans) {
            JsonPath l = loan(id);
            BigDecimal fee = id.equals(payingOnTheDueDate) ? BigDecimal.ZERO.setScale(2) : LATE_FEE;
            assertEquals(fee, money(l.get("schedule[0].fee")), "one late fee at most on loan " + id);
            if (!id.equals(payingLate) && !id.equals(payingOnTheDueDate) && !id.equals(chargedOff)) {
                assertEquals("OVERDUE", l.getString("schedule[0].status"), id);
            }
        }

        Map<String, Integer> missedPerLoan = new HashMap<>();
        int missedOnTheDate = 0;
        for (ConsumerRecord<String, String> r : kafka.readAll("repayment-events", Duration.ofSeconds(3))) {
            JsonNode event = TestSupport.read(r.value());
            if (!"PAYMENT_MISSED".equals(event.get("type").asText()) || !closeTo.toString().equals(event.path("businessDate").asText())) {
                continue;
            }
            missedOnTheDate++;
            missedPerLoan.merge(event.get("data").get("loanId").asText(), 1, Integer::sum);
        }
        for (String id : loans) {
            assertEquals(id.equals(payingOnTheDueDate) ? null : 1, missedPerLoan.get(id), "PAYMENT_MISSED of loan " + id);
        }
        assertEquals(missedOnTheDate, resumed.getInt("missedPayments"),
                "the run counts the missed payments of the loans closed inside an operation too");
    }

    private static JsonPath pay(String loanId, BigDecimal amount, LocalDate paidOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount.toPlainString());
        if (paidOn != null) {
            body.put("paidOn", paidOn.toString());
        }
        return exact(given().contentType(ContentType.JSON).body(body).post("/loans/" + loanId + "/repayments").then().statusCode(201)
                .extract().asString());
    }

    private static List<String> stillQueued(List<String> loans) throws Exception {
        List<String> queued = new ArrayList<>();
        try (Connection c = database(); PreparedStatement st = c.prepareStatement(
                "SELECT loan_id::text FROM close_of_business_queue WHERE loan_id::text = ANY (?) ORDER BY loan_id")) {
            st.setArray(1, c.createArrayOf("text", loans.toArray()));
            ResultSet rs = st.executeQuery();
            while (rs.next()) {
                queued.add(rs.getString(1));
            }
        }
        return queued;
    }

    private static long countQueued() throws Exception {
        try (Connection c = database(); PreparedStatement st = c.prepareStatement("SELECT count(*) FROM close_of_business_queue")) {
            ResultSet rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
