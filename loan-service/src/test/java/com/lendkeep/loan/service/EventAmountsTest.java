package com.lendkeep.loan.service;

import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.events;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.money;
import static com.lendkeep.loan.TestSupport.openLoan;
import static com.lendkeep.loan.TestSupport.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 16 point 7 (close of business events): amounts due include fees as in every other event,
 * the loan's unpaid fees travel beside them, and money is written with its two decimals.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class EventAmountsTest {

    private static final Pattern MONEY = Pattern.compile("-?\\d+\\.\\d{2}");

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** The number as written on the topic (not re-read through a BigDecimal that would hide 6E+5 or a lost scale). */
    private static BigDecimal written(JsonNode data, String field) {
        String text = data.get(field).asText();
        assertTrue(MONEY.matcher(text).matches(), field + " written as " + text + ", not a decimal with two places");
        return new BigDecimal(text);
    }

    @Test
    void paymentMissedAndDelinquencyChangedIncludeTheLateFeeAndCarryTheFeesOutstanding() {
        Map<String, Object> body = TestSupport.loanBody(TestSupport.knownCustomer(), "3000.00", "0.06", 6, businessDate(), "ANNUITY");
        body.put("lateFee", "25.00");
        String id = openLoan(body);
        JsonPath booked = loan(id);
        LocalDate due1 = LocalDate.parse(booked.getString("schedule[0].dueDate"));
        LocalDate due2 = LocalDate.parse(booked.getString("schedule[1].dueDate"));
        BigDecimal first = money(booked.get("schedule[0].total"));
        BigDecimal second = money(booked.get("schedule[1].total"));
        BigDecimal fee = new BigDecimal("25.00");

        advanceTo(due1.plusDays(2));
        JsonNode missed1 = events(kafka, "repayment-events", "PAYMENT_MISSED", id, 1).get(0).get("data");
        // 3000.00 over 6 months at 6 %: the first installment (508.78 by the schedule) plus the 25.00 fee it took
        assertEquals(first.add(fee), written(missed1, "amountDue"), "the amount due includes the late fee, as in DELINQUENCY_CHANGED");
        assertEquals(fee, written(missed1, "feesOutstanding"));
        assertEquals(new BigDecimal("3000.00"), written(missed1, "outstanding"));
        JsonNode moved = events(kafka, "loan-events", "DELINQUENCY_CHANGED", id, 1).get(0).get("data");
        assertEquals(first.add(fee), written(moved, "overdueAmount"));
        assertEquals(fee, written(moved, "feesOutstanding"));

        advanceTo(due2.plusDays(2));
        List<JsonNode> missed = events(kafka, "repayment-events", "PAYMENT_MISSED", id, 2);
        JsonNode missed2 = missed.get(1).get("data");
        assertEquals(2, missed2.get("installmentNumber").asInt());
        assertEquals(second.add(fee), written(missed2, "amountDue"));
        assertEquals(fee.add(fee), written(missed2, "feesOutstanding"), "the loan's unpaid fees: both late fees");

        // paying everything overdue cures the loan: the move back to current says no fee is left
        pay(id, first.add(second).add(fee).add(fee));
        List<JsonNode> moves = events(kafka, "loan-events", "DELINQUENCY_CHANGED", id, 2);
        JsonNode cured = moves.get(moves.size() - 1).get("data");
        assertTrue(cured.get("newBucket").isNull(), cured.toString());
        assertEquals(new BigDecimal("0.00"), written(cured, "feesOutstanding"));
    }
    @Test
    void twoInstallmentsMissedInOneCloseCountOnFromTheOnesMissedBefore() {
        Map<String, Object> body = TestSupport.loanBody(TestSupport.knownCustomer(), "3000.00", "0.06", 6, businessDate(), "ANNUITY");
        body.put("lateFee", "25.00");
        String id = openLoan(body);
        JsonPath booked = loan(id);
        LocalDate due1 = LocalDate.parse(booked.getString("schedule[0].dueDate"));
        LocalDate due3 = LocalDate.parse(booked.getString("schedule[2].dueDate"));
        BigDecimal fee = new BigDecimal("25.00");

        advanceTo(due1.plusDays(2));
        advanceTo(due3.plusDays(2));
        List<JsonNode> missed = events(kafka, "repayment-events", "PAYMENT_MISSED", id, 3);
        // installment 1 missed alone, then 2 and 3 in one close: 2 and 3 in a row after the first, each with its fee;
        // the loan's unpaid fees after that close are the three fees; no principal was paid
        int[] consecutive = { 1, 2, 3 };
        BigDecimal[] fees = { fee, fee.multiply(BigDecimal.valueOf(3)), fee.multiply(BigDecimal.valueOf(3)) };
        for (int k = 0; k < 3; k++) {
            JsonNode m = missed.get(k).get("data");
            assertEquals(k + 1, m.get("installmentNumber").asInt());
            assertEquals(consecutive[k], m.get("consecutiveMissed").asInt(), m.toString());
            assertEquals(money(booked.get("schedule[" + k + "].total")).add(fee), written(m, "amountDue"));
            assertEquals(fees[k], written(m, "feesOutstanding"), m.toString());
            assertEquals(new BigDecimal("3000.00"), written(m, "outstanding"));
        }
    }
}
