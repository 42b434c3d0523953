package com.lendkeep.customer.messaging;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.event;
import static com.lendkeep.customer.TestSupport.loanClosed;
import static com.lendkeep.customer.TestSupport.loanOpened;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.repayment;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Loan-service-shaped events on the real topics move exposure, interest income and products, and
 * with them the tier (TIER_CHANGED on customer-events), at the configured thresholds.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ExposureEventsTest {

    /** Generous: on a fresh broker the first records of an auto-created topic take ~30 s to reach the consumers. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @Inject
    CustomerConfig config;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** Amounts read as BigDecimal: a float cannot tell 249,999.99 from 250,000. */
    private static JsonPath exact(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static JsonPath read(String id) {
        return exact(given().get("/customers/" + id).then().statusCode(200).extract().asString());
    }

    private static BigDecimal amount(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static void awaitExposure(String id, BigDecimal exposure) {
        await().atMost(WAIT).until(() -> exposure.compareTo(amount(read(id), "tier.inputs.exposure")) == 0);
    }

    @Test
    void aLoanJustBelowTheSilverExposureKeepsStandardAndOneAtItMakesSilver() {
        BigDecimal silver = config.tier().silver().exposure();
        String today = LocalDate.now().toString();

        String below = register(customer());
        kafka.send("loan-events", below, loanOpened(below, UUID.randomUUID(), silver.subtract(new BigDecimal("0.01")).toPlainString(),
                "0.06", 12, today));
        awaitExposure(below, silver.subtract(new BigDecimal("0.01")));
        assertEquals("STANDARD", read(below).getString("tier.value"));

        String at = register(customer());
        UUID loan = UUID.randomUUID();
        kafka.send("loan-events", at, loanOpened(at, loan, silver.toPlainString(), "0.06", 12, today));
        awaitExposure(at, silver);
        JsonPath silverCustomer = read(at);
        assertEquals("SILVER", silverCustomer.getString("tier.value"));
        assertEquals("SILVER: exposure 250,000 >= 250,000", silverCustomer.getString("tier.rule"));
        assertEquals(1, silverCustomer.getInt("tier.inputs.products"));
        assertEquals("GROWTH", silverCustomer.getString("lifecycleStage.value"), "a loan opened within 12 months");

        JsonNode up = TestSupport.assertEnvelope(kafka.await("customer-events", r -> event(at, "TIER_CHANGED").test(r)
                && r.value().contains("\"newTier\":\"SILVER\""), WAIT), "TIER_CHANGED", at);
        assertEquals("STANDARD", up.get("previousTier").asText());
        assertEquals("SILVER: exposure 250,000 >= 250,000", up.get("reason").asText());

        // a repayment: the outstanding principal replaces the exposure, the interest adds to income
        kafka.send("repayment-events", at, repayment(at, Instant.now(), loan, today, silver.subtract(new BigDecimal("1000")).toPlainString(),
                "1234.56"));
        awaitExposure(at, silver.subtract(new BigDecimal("1000")));
        JsonPath after = read(at);
        assertEquals("STANDARD", after.getString("tier.value"));
        assertEquals(0, new BigDecimal("1234.56").compareTo(amount(after, "tier.inputs.interestIncome")));
        JsonNode down = TestSupport.assertEnvelope(kafka.await("customer-events", r -> event(at, "TIER_CHANGED").test(r)
                && r.value().contains("\"previousTier\":\"SILVER\""), WAIT), "TIER_CHANGED", at);
        assertEquals("STANDARD", down.get("newTier").asText());
        assertTrue(down.get("reason").asText().startsWith("STANDARD: no SILVER threshold met (exposure 249,000 < 250,000"),
                down.get("reason").asText());
    }

    @Test
    void goldAtTheGoldExposureAndSilverByTotalBorrowedOnceClosed() {
        BigDecimal gold = config.tier().gold().exposure();
        String id = register(customer());
        UUID loan = UUID.randomUUID();
        kafka.send("loan-events", id, loanOpened(id, loan, gold.toPlainString(), "0.05", 120, LocalDate.now().minusMonths(2).toString()));
        awaitExposure(id, gold);
        assertEquals("GOLD", read(id).getString("tier.value"));
        JsonNode gained = TestSupport.assertEnvelope(kafka.await("customer-events", r -> event(id, "TIER_CHANGED").test(r)
                && r.value().contains("\"newTier\":\"GOLD\""), WAIT), "TIER_CHANGED", id);
        assertEquals("STANDARD", gained.get("previousTier").asText());
        assertEquals("GOLD: exposure 2,000,000 >= 2,000,000", gained.get("reason").asText());

        kafka.send("loan-events", id, loanClosed(id, loan, "PREPAID", LocalDate.now().toString()));
        awaitExposure(id, BigDecimal.ZERO);
        JsonPath closed = read(id);
        assertEquals("SILVER", closed.getString("tier.value"));
        assertEquals("SILVER: total borrowed 2,000,000 >= 500,000", closed.getString("tier.rule"));
        assertEquals("DECLINE", closed.getString("lifecycleStage.value"));
        assertEquals(0, closed.getInt("tier.inputs.products"));
        JsonNode lost = TestSupport.assertEnvelope(kafka.await("customer-events", r -> event(id, "TIER_CHANGED").test(r)
                && r.value().contains("\"previousTier\":\"GOLD\""), WAIT), "TIER_CHANGED", id);
        assertEquals("SILVER", lost.get("newTier").asText());
    }

    @Test
    void repaymentsBeforeTheLoanOrOutOfOrderDoNotLoseTheLatestOutstanding() {
        String id = register(customer());
        UUID loan = UUID.randomUUID();
        LocalDate today = TestSupport.today(); // days past due count to the date the service judges by
        Instant now = Instant.now();
        // the repayment topic is ahead of the loan topic
        kafka.send("repayment-events", id, repayment(id, now, loan, today.toString(), "90000.00", "500.00"));
        await().atMost(WAIT).until(() -> loanOf(id).get("loans[0].repayments") != null);
        assertNull(loanOf(id).get("loans[0].principal"));
        kafka.send("loan-events", id, loanOpened(id, loan, "100000.00", "0.08", 24, today.minusMonths(3).toString()));
        await().atMost(WAIT).until(() -> loanOf(id).get("loans[0].principal") != null);
        // an older repayment arriving late adds its interest but does not bring the old outstanding back
        kafka.send("repayment-events", id, repayment(id, now.minusSeconds(86_400), loan, today.minusDays(1).toString(), "95000.00", "300.00"));
        await().atMost(WAIT).until(() -> loanOf(id).getInt("loans[0].repayments") == 2);
        JsonPath overview = loanOf(id);
        assertEquals(0, new BigDecimal("100000.00").compareTo(amount(overview, "loans[0].principal")));
        assertEquals(0, new BigDecimal("90000.00").compareTo(amount(overview, "loans[0].outstanding")));
        assertEquals(0, new BigDecimal("800.00").compareTo(amount(overview, "loans[0].interestPaid")));
        assertEquals(today.toString(), overview.getString("loans[0].lastRepaymentOn"));
        assertEquals(0, new BigDecimal("90000.00").compareTo(amount(overview, "loanSummary.exposure")));

        // modification, delinquency and a missed payment show in the loan's status
        String maturity = today.plusMonths(30).toString();
        kafka.send("loan-events", id, envelope("LOAN_MODIFIED", id, Instant.now(), """
                {"loanId":"%s","modificationType":"PAYMENT_EXTENSION","interventionId":"%s","scheduleVersion":2,
                 "description":"unpaid installments deferred by 3 month(s)","forbearanceUntil":"%s",
                 "remainingDueDates":["%s","%s"]}""".formatted(loan, UUID.randomUUID(), today.plusMonths(3), today.plusMonths(29), maturity)));
        kafka.send("loan-events", id, envelope("DELINQUENCY_CHANGED", id, Instant.now(), """
                {"loanId":"%s","previousBucket":null,"newBucket":"DPD_1_30","daysPastDue":5,"overdueAmount":4400.00}""".formatted(loan)));
        kafka.send("repayment-events", id, envelope("PAYMENT_MISSED", id, Instant.now(), """
                {"loanId":"%s","installmentNumber":3,"dueDate":"%s","amountDue":4400.00,"daysPastDue":5,"consecutiveMissed":1,
                 "outstanding":90000.00}""".formatted(loan, today.minusDays(5))));
        await().atMost(WAIT).alias("overview of " + id).conditionEvaluationListener(c -> {
            if (c.getRemainingTimeInMS() <= c.getPollInterval().toMillis()) {
                System.out.println("last overview of " + id + ": " + given().get("/customers/" + id + "/overview").asString());
            }
        }).until(() -> "DPD_1_30".equals(loanOf(id).getString("loans[0].delinquencyBucket"))
                && loanOf(id).getInt("loans[0].missedPayments") == 1 && loanOf(id).getInt("loans[0].scheduleVersion") == 2);
        JsonPath status = loanOf(id);
        assertEquals(maturity, status.getString("loans[0].maturityDate"));
        assertEquals("PAYMENT_EXTENSION: unpaid installments deferred by 3 month(s)", status.getString("loans[0].lastModification"));
        assertEquals(5, status.getInt("loans[0].daysPastDue"));
        assertEquals(1, status.getInt("loanSummary.delinquentLoans"));
    }

    @Test
    void aRepaymentThatBreaksTheContractGoesToTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();
        kafka.send("repayment-events", id, repayment(id, Instant.now(), UUID.randomUUID(), LocalDate.now().toString(), "-5", "1.00"));
        var dead = kafka.await("customer-service.dlq", r -> id.equals(r.key()), WAIT);
        String reason = KafkaTestClient.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("payload of REPAYMENT_RECEIVED is invalid: outstanding"), reason);
        given().get("/customers/" + id).then().statusCode(404);
    }

    private static JsonPath loanOf(String id) {
        return exact(given().get("/customers/" + id + "/overview").then().statusCode(200).extract().asString());
    }
}
