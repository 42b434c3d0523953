package com.lendkeep.customer.messaging;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.loanOpened;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.repayment;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.platform.events.EventEnvelope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * repayment-events are taken in batches: each event has its effect once, a customer's events in
 * their order, one re-assessment per customer at the end of the batch, and the poison of a batch
 * goes to the dead-letter topic while the rest of it is applied.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RepaymentEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @Inject
    RepaymentEventsConsumer consumer;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void burstsForSeveralCustomersHaveEachEffectOnceAndDeadLetterOnlyThePoison() {
        LocalDate today = com.lendkeep.customer.TestSupport.today(); // the date the service judges by
        Instant now = Instant.now();
        String a = register(customer());
        String b = register(customer());
        // a loan known before the bursts, so that an event naming it for another customer is poison
        String owner = register(customer());
        UUID ownersLoan = UUID.randomUUID();
        kafka.send("loan-events", owner, loanOpened(owner, ownersLoan, "50000.00", "0.06", 12, today.toString()));
        await().atMost(WAIT).until(() -> overview(owner).get("loans[0].principal") != null);

        UUID loanA = UUID.randomUUID();
        UUID loanB = UUID.randomUUID();
        String invalid = UUID.randomUUID().toString();
        String malformed = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        String duplicated = repayment(a, now.minusSeconds(3_600), loanA, today.minusDays(1).toString(), "8000.00", "90.00");
        // a burst whose only poison fails the envelope: dead-lettered before the batch's transaction, which goes on
        sendAtOnce(List.of(
                new ProducerRecord<>("repayment-events", a, repayment(a, now.minusSeconds(86_400), loanA, today.minusDays(2).toString(),
                        "9000.00", "100.00")),
                new ProducerRecord<>("repayment-events", b, repayment(b, now, loanB, today.toString(), "5000.00", "50.00")),
                new ProducerRecord<>("repayment-events", a, duplicated),
                new ProducerRecord<>("repayment-events", malformed, "{not json at all"),
                new ProducerRecord<>("repayment-events", a, duplicated),
                // older than the one before: adds its interest, leaves the outstanding alone
                new ProducerRecord<>("repayment-events", b, repayment(b, now.minusSeconds(3 * 86_400), loanB,
                        today.minusDays(3).toString(), "6000.00", "60.00"))));
        await().atMost(WAIT).until(() -> Integer.valueOf(2).equals(overview(a).get("loans[0].repayments"))
                && Integer.valueOf(2).equals(overview(b).get("loans[0].repayments")));
        // a burst whose poison fails in the handler (rolling its batch back) between good events, and a redelivery
        sendAtOnce(List.of(
                new ProducerRecord<>("repayment-events", invalid, repayment(invalid, now, UUID.randomUUID(), today.toString(), "-5", "1.00")),
                new ProducerRecord<>("repayment-events", a, duplicated),
                new ProducerRecord<>("repayment-events", foreign, repayment(foreign, now, ownersLoan, today.toString(), "100.00", "1.00")),
                new ProducerRecord<>("repayment-events", a, paymentMissed(a, loanA, today)),
                new ProducerRecord<>("repayment-events", b, paymentMissed(b, loanB, today))));

        Map<String, String> reasons = kafka.awaitAll("customer-service.dlq",
                r -> List.of(invalid, malformed, foreign).contains(r.key()), 3, WAIT).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> KafkaTestClient.header(r, "dead-letter-reason")));
        assertTrue(reasons.get(invalid).contains("payload of REPAYMENT_RECEIVED is invalid: outstanding"), reasons.get(invalid));
        assertTrue(reasons.get(malformed).contains("malformed JSON"), reasons.get(malformed));
        assertEquals("loan " + ownersLoan + " belongs to customer " + owner + ", not " + foreign, reasons.get(foreign));

        // the missed payments come last on each customer's partition: once applied, so is everything before them
        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(overview(a).get("loans[0].missedPayments"))
                && Integer.valueOf(1).equals(overview(b).get("loans[0].missedPayments")));
        assertLoan(overview(a), 2, "190.00", "8000.00", 1);
        assertLoan(overview(b), 2, "110.00", "5000.00", 1);
        assertEquals(today.minusDays(1).toString(), overview(a).getString("loans[0].lastRepaymentOn"));
        // the customers' assessments read the state after all their events
        assertAmount("190.00", profile(a), "tier.inputs.interestIncome");
        assertAmount("8000.00", profile(a), "tier.inputs.exposure");
        assertAmount("110.00", profile(b), "tier.inputs.interestIncome");
        assertAmount("5000.00", profile(b), "tier.inputs.exposure");
        // the poison had no effect
        assertLoan(overview(owner), 0, "0", "50000.00", 0);
        assertEquals(0, loansOf(invalid) + loansOf(foreign));
    }

    /** One batch, one transaction: the handler as processBatch runs it, without the inbox's one-by-one fallback to hide a failure. */
    @Test
    void oneBatchAppliesEachCustomersEventsInOrderAndReassessesThemOnceAtTheEnd() {
        LocalDate today = com.lendkeep.customer.TestSupport.today(); // the date the service judges by
        Instant now = Instant.now();
        Map<String, UUID> loans = Map.of(register(customer()), UUID.randomUUID(), register(customer()), UUID.randomUUID());
        // the customers' events interleaved, in no particular id order. The two repayments have the same value date and
        // time, so the one applied last sets the outstanding. 300,000 outstanding alone would make SILVER and 200,000
        // STANDARD again: assessed once, after both, the customer never is SILVER.
        List<EventEnvelope> batch = new ArrayList<>();
        loans.forEach((id, loan) -> batch.add(parse(repayment(id, now, loan, today.toString(), "300000.00", "10.00"))));
        loans.forEach((id, loan) -> batch.add(parse(repayment(id, now, loan, today.toString(), "200000.00", "15.00"))));
        loans.forEach((id, loan) -> batch.add(parse(paymentMissed(id, loan, today))));
        QuarkusTransaction.requiringNew().run(() -> consumer.apply(batch));

        for (String id : loans.keySet()) {
            assertLoan(overview(id), 2, "25.00", "200000.00", 1);
            JsonPath profile = profile(id);
            assertEquals("STANDARD", profile.getString("tier.value"));
            assertAmount("200000.00", profile, "tier.inputs.exposure");
            assertAmount("25.00", profile, "tier.inputs.interestIncome");
            assertEquals(1, tierChanges(id), "only the registration's TIER_CHANGED: no SILVER in between");
        }
    }

    private static String paymentMissed(String customerId, UUID loanId, LocalDate dueDate) {
        return envelope("PAYMENT_MISSED", customerId, Instant.now(), """
                {"loanId":"%s","installmentNumber":3,"dueDate":"%s","amountDue":1000.00,"daysPastDue":1,"consecutiveMissed":1,
                 "outstanding":8000.00}""".formatted(loanId, dueDate));
    }

    /** Sends all, then waits for the acknowledgements (not one by one), so that the consumer is likely to poll them together. */
    private static void sendAtOnce(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfraTestResource.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "100");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to repayment-events", e);
        }
    }

    private EventEnvelope parse(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private long loansOf(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM customer_loan WHERE customer_id = ?1")
                .setParameter(1, UUID.fromString(customerId)).getSingleResult()).longValue());
    }

    private long tierChanges(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE message_key = ?1 AND event_type = 'TIER_CHANGED'")
                .setParameter(1, customerId).getSingleResult()).longValue());
    }

    private static void assertLoan(JsonPath overview, int repayments, String interestPaid, String outstanding, int missedPayments) {
        assertEquals(repayments, overview.getInt("loans[0].repayments"));
        assertAmount(interestPaid, overview, "loans[0].interestPaid");
        assertAmount(outstanding, overview, "loans[0].outstanding");
        assertEquals(missedPayments, overview.getInt("loans[0].missedPayments"));
    }

    private static void assertAmount(String expected, JsonPath json, String path) {
        Object value = json.get(path);
        assertTrue(value != null && new BigDecimal(expected).compareTo(new BigDecimal(value.toString())) == 0,
                path + ": expected " + expected + ", was " + value);
    }

    /** Amounts read as BigDecimal. */
    private static JsonPath exact(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static JsonPath overview(String id) {
        return exact(given().get("/customers/" + id + "/overview").then().statusCode(200).extract().asString());
    }

    private static JsonPath profile(String id) {
        return exact(given().get("/customers/" + id).then().statusCode(200).extract().asString());
    }
}
