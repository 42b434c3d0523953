package com.lendkeep.customer.ops;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.event;
import static com.lendkeep.customer.TestSupport.json;
import static com.lendkeep.customer.TestSupport.envelope;
import static com.lendkeep.customer.TestSupport.loanOpened;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.repayment;
import static com.lendkeep.customer.TestSupport.today;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A trace goes from a REST call through the outbox and Kafka into the consumers and on through
 * their own outbox: the traceparent a caller sends is found, with the same trace id, on the Kafka
 * record its request causes (read by a plain consumer, so the relay really sent it); a record
 * carrying a traceparent is handled in spans of that trace, and the events the handling publishes
 * carry it on, for consumers taking one record at a time (loan-events) and in batches
 * (repayment-events, where two customers' records of two traces in one batch keep their own).
 */
@QuarkusTest
@TestProfile(TracePropagationTest.Tracing.class)
class TracePropagationTest {

    /** Tracing on, exported to memory instead of an OTLP collector. */
    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "PT0.05S",
                    // its "loan not known yet" record is the consumer log record the MDC test reads
                    "quarkus.log.category.\"" + EXPOSURE_LOGGER + "\".level", "DEBUG");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EXPOSURE_LOGGER = "com.lendkeep.customer.service.LoanExposureService";
    private static KafkaTestClient kafka;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void theTraceOfARestCallIsOnTheEventItPublishes() {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        String id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(customer()).post("/customers").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> registered = kafka.await("customer-events", event(id, "CUSTOMER_REGISTERED"), WAIT);
        String[] sent = traceParent(registered);
        assertEquals(traceId, sent[1], "the event continues the caller's trace");
        assertNotEquals(callerSpan, sent[2], "its parent is the service's own span of the request, not the caller's");
        assertEquals(json(registered.value()).path("eventId").asText(), KafkaTestClient.header(registered, "ce_id"),
                "the CloudEvents attributes travel beside the traceparent (CloudEventHeadersOnKafkaTest checks them all)");
        SpanData server = await().atMost(WAIT).until(() -> span(traceId, SpanKind.SERVER), s -> s != null);
        assertEquals(callerSpan, server.getParentSpanId());
    }

    @Test
    void aConsumerTakingOneRecordContinuesItsTraceIntoItsOwnEvents() {
        String id = register(customer());
        String traceId = randomHex(16);
        // 300,000 of exposure moves the customer out of STANDARD: the consumer publishes TIER_CHANGED
        send(List.of(record("loan-events", id, loanOpened(id, UUID.randomUUID(), "300000.00", "0.06", 12, today().toString()),
                traceId)));

        ConsumerRecord<String, String> tierChanged = kafka.await("customer-events", tierMoved(id), WAIT);
        assertEquals(traceId, traceParent(tierChanged)[1]);
        assertNotNull(await().atMost(WAIT).until(() -> span(traceId, SpanKind.CONSUMER), s -> s != null),
                "the consumer's span belongs to the trace of the record");
    }

    @Test
    void aBatchConsumerContinuesEachCustomersTraceIntoThatCustomersEvents() {
        String a = register(customer());
        String b = register(customer());
        String traceA = randomHex(16);
        String traceB = randomHex(16);
        String day = today().toString();
        // sent together so that the consumer is likely to poll them in one batch
        send(List.of(record("repayment-events", a, repayment(a, Instant.now(), UUID.randomUUID(), day, "300000.00", "10.00"), traceA),
                record("repayment-events", b, repayment(b, Instant.now(), UUID.randomUUID(), day, "300000.00", "10.00"), traceB)));

        assertEquals(traceA, traceParent(kafka.await("customer-events", tierMoved(a), WAIT))[1]);
        assertEquals(traceB, traceParent(kafka.await("customer-events", tierMoved(b), WAIT))[1]);
        for (String traceId : List.of(traceA, traceB)) {
            assertNotNull(await().atMost(WAIT).until(() -> span(traceId, SpanKind.CONSUMER), s -> s != null));
        }
    }

    /** A consumer's log records name the event it handles and the trace (JSON logs print the MDC as "mdc"). */
    @Test
    void aConsumersLogRecordsCarryTheEventIdAndTheTrace() {
        String id = register(customer());
        String traceId = randomHex(16);
        UUID unknownLoan = UUID.randomUUID();
        String delinquency = envelope("DELINQUENCY_CHANGED", id, Instant.now(), """
                {"loanId":"%s","previousBucket":null,"newBucket":"1-30","daysPastDue":3,"overdueAmount":100.00}
                """.formatted(unknownLoan));
        String eventId = json(delinquency).path("eventId").asText();
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && ext.getFormattedMessage().contains(unknownLoan.toString())) {
                    ext.copyMdc(); // as it was while the consumer logged
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(EXPOSURE_LOGGER);
        logger.addHandler(capture);
        try {
            send(List.of(record("loan-events", id, delinquency, traceId)));
            await().atMost(WAIT).until(() -> !records.isEmpty());
        } finally {
            logger.removeHandler(capture);
        }
        ExtLogRecord logged = records.get(0);
        assertEquals(eventId, logged.getMdc("eventId"));
        assertEquals(traceId, logged.getMdc("traceId"));
        assertTrue(String.valueOf(logged.getMdc("spanId")).matches("[0-9a-f]{16}"), "spanId " + logged.getMdc("spanId"));
    }

    /** A TIER_CHANGED from one tier to another (the registration's has no previous tier and another trace). */
    private static Predicate<ConsumerRecord<String, String>> tierMoved(String customerId) {
        return r -> event(customerId, "TIER_CHANGED").test(r) && json(r.value()).path("data").path("previousTier").isTextual();
    }

    /** The traceparent header of a record, split into version, trace id, parent span id and flags. */
    private static String[] traceParent(ConsumerRecord<String, String> record) {
        String header = KafkaTestClient.header(record, "traceparent");
        assertNotNull(header, "no traceparent header on " + record.value());
        String[] fields = header.split("-");
        assertEquals(4, fields.length, header);
        assertTrue(fields[1].matches("[0-9a-f]{32}") && fields[2].matches("[0-9a-f]{16}"), header);
        return fields;
    }

    private SpanData span(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind)
                .findFirst().orElse(null);
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value, String traceId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("traceparent", ("00-" + traceId + "-" + randomHex(8) + "-01").getBytes(StandardCharsets.US_ASCII));
        return record;
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfraTestResource.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "100");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = records.stream().map(producer::send).toList();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
