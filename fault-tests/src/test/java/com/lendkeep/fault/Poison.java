package com.lendkeep.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.lendkeep.infra.KafkaTestClient;

/**
 * Poison messages planted among good ones on every topic a service consumes, keyed by the
 * scenario's customers (so they sit in the same partitions as those customers' good events): one
 * malformed JSON, one unsupported schema version, one unknown type and one valid envelope whose
 * payload fails validation, per topic. Each consumer of the topic must send each to its dead-letter
 * topic, once, with the reason, and carry on.
 */
final class Poison implements AutoCloseable {

    static final String MARKER_FIELD = "faultPoisonMarker";

    enum Kind {
        MALFORMED_JSON, WRONG_SCHEMA_VERSION, UNKNOWN_TYPE, INVALID_PAYLOAD
    }

    record Planted(String marker, String topic, Kind kind, String key, String value, String reason, Set<String> ignoredBy) {
    }

    /**
     * An invalid payload of {@code type}; {@code ignoredBy} are the consumers of the topic that do not
     * act on that type and so, by the platform's contract (consumers ignore event types they do not
     * handle), never read the payload: it is no poison to them.
     */
    private record Invalid(String type, Object payload, Set<String> ignoredBy) {
    }

    /** Per topic: invalid payloads of types the topic's consumers act on; together they reach every consumer of the topic. */
    private static final Map<String, List<Invalid>> INVALID = Map.of(
            // loan-service reads only registrations and erasures of customer-events (its projection of who may borrow),
            // risk-service no erasure (it holds no personal data): two payloads reach all three consumers
            "customer-events", List.of(new Invalid("TIER_CHANGED", Map.of("newTier", "", "reason", "no tier"), Set.of("loan-service")),
                    new Invalid("CUSTOMER_ERASED", Map.of("reason", "no erasedAt"), Set.of("risk-service"))),
            "credit-score-events", List.of(new Invalid("CREDIT_SCORE_CHANGED", Map.of("bureau", "EXPERIAN", "newScore", 5000, "scoreDate",
                    "2026-11-01"), Set.of())),
            "contact-events", List.of(new Invalid("CONTACT_LOGGED", Map.of("contactId", UUID.randomUUID().toString(), "topic", "GENERAL",
                    "channel", "PHONE", "contactDate", "2026-11-01"), Set.of())),
            "loan-events", List.of(new Invalid("LOAN_OPENED", Map.of("loanId", UUID.randomUUID().toString(), "principal", 0, "annualRate",
                    0.05, "termMonths", 12, "startDate", "2026-11-01", "installmentAmount", 430), Set.of())),
            "repayment-events", List.of(new Invalid("REPAYMENT_RECEIVED", Map.of("loanId", UUID.randomUUID().toString(), "paidOn",
                    "2026-11-01", "amountDue", 430, "daysPastDue", 0, "onTime", true, "outstanding", 4000), Set.of())),
            "churn-risk-alerts", List.of(new Invalid("CHURN_RISK_ALERT_RAISED", Map.of("churnType", "VOLUNTARY", "level", "HIGH", "score",
                    0.6, "reasons", List.of(), "modelVersion", "scorecard-v1"), Set.of())),
            "retention-events", List.of(new Invalid("INTERVENTION_ACCEPTED", Map.of("interventionId", UUID.randomUUID().toString(), "kind",
                    "PAYMENT_EXTENSION", "extensionMonths", 3), Set.of())));

    private final KafkaProducer<String, String> producer;
    private final Random random = new Random(42);
    final List<Planted> planted = java.util.Collections.synchronizedList(new ArrayList<>());

    Poison(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Publishes one poison message of each kind on every consumed topic, keyed by customers drawn from {@code customers}. */
    void plant(List<UUID> customers) throws Exception {
        for (String topic : Stack.BUSINESS_TOPICS) {
            Invalid first = INVALID.get(topic).get(0);
            for (Kind kind : Kind.values()) {
                switch (kind) {
                    case MALFORMED_JSON -> plant(customers, topic, kind, "{\"" + MARKER_FIELD + "\":\"%s\",\"type\":\"" + first.type()
                            + "\",\"data\":{\"loanId\":", null, 0, null, "malformed JSON", Set.of());
                    case WRONG_SCHEMA_VERSION -> plant(customers, topic, kind, null, first.type(), 2, first.payload(),
                            "unsupported schema version 2 (this consumer reads 1)", Set.of());
                    case UNKNOWN_TYPE -> plant(customers, topic, kind, null, "LOAN_TELEPORTED", 1,
                            Map.of("loanId", UUID.randomUUID().toString()), "unknown event type: LOAN_TELEPORTED", Set.of());
                    case INVALID_PAYLOAD -> {
                        for (Invalid invalid : INVALID.get(topic)) {
                            plant(customers, topic, kind, null, invalid.type(), 1, invalid.payload(),
                                    "payload of " + invalid.type() + " is invalid", invalid.ignoredBy());
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
    }

    /** One poison message: {@code raw} (with %s for the marker) as it is, or an envelope of {@code type}. */
    private void plant(List<UUID> customers, String topic, Kind kind, String raw, String type, int version, Object data, String reason,
            Set<String> ignoredBy) throws Exception {
        UUID customer = customers.get(random.nextInt(customers.size()));
        String marker = UUID.randomUUID().toString();
        String value = raw != null ? raw.formatted(marker) : envelope(marker, type, version, customer, data);
        producer.send(new ProducerRecord<>(topic, customer.toString(), value)).get(30, TimeUnit.SECONDS);
        planted.add(new Planted(marker, topic, kind, customer.toString(), value, reason, ignoredBy));
    }

    private static String envelope(String marker, String type, int version, UUID customer, Object data) throws JsonProcessingException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(MARKER_FIELD, marker);
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("source", "fault-test");
        e.put("occurredAt", Instant.now().toString());
        e.put("schemaVersion", version);
        e.put("customerId", customer.toString());
        e.put("data", data);
        return Api.JSON.writeValueAsString(e);
    }

    /**
     * For each planted message and each service consuming its topic: exactly one copy on the
     * service's dead-letter topic, unchanged, whose {@code dead-letter-reason} starts with the
     * expected reason and whose {@code dead-letter-topic} is the original topic. Returns the
     * comparisons (expected dead letters, found with the right reason, and copies beyond one).
     */
    List<Reconciler.Check> verify(Map<String, List<ConsumerRecord<String, String>>> deadLetters, Map<String, String> notes) {
        long expected = 0;
        long right = 0;
        long extra = 0;
        for (Planted p : planted) {
            for (var consumer : Stack.CONSUMES.entrySet()) {
                if (!consumer.getValue().contains(p.topic()) || p.ignoredBy().contains(consumer.getKey())) {
                    continue;
                }
                expected++;
                List<ConsumerRecord<String, String>> copies = deadLetters.getOrDefault(consumer.getKey() + ".dlq", List.of()).stream()
                        .filter(r -> p.value().equals(r.value())).toList();
                extra += Math.max(0, copies.size() - 1);
                boolean ok = !copies.isEmpty()
                        && String.valueOf(KafkaTestClient.header(copies.get(0), "dead-letter-reason")).startsWith(p.reason())
                        && p.topic().equals(KafkaTestClient.header(copies.get(0), "dead-letter-topic"))
                        && p.key().equals(copies.get(0).key());
                if (ok) {
                    right++;
                } else {
                    notes.putIfAbsent("poison not dead-lettered as expected", consumer.getKey() + " / " + p.topic() + " / " + p.kind()
                            + (copies.isEmpty() ? ": not on " + consumer.getKey() + ".dlq"
                                    : ": reason " + KafkaTestClient.header(copies.get(0), "dead-letter-reason")));
                }
            }
        }
        return List.of(new Reconciler.Check("dead-letter topics: poison messages dead-lettered with their reason", expected, right),
                new Reconciler.Check("dead-letter topics: poison messages dead-lettered once", 0, extra));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
