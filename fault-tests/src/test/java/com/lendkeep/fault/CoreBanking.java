package com.lendkeep.fault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A core banking system publishing REPAYMENT_RECEIVED straight onto {@code repayment-events}
 * (docs/events.md, section 5): key = customer id, a new eventId per repayment, and the same eventId
 * again when a send has to be repeated. A send is repeated until Kafka acknowledges it, so a broker
 * outage delays the stream and may put a copy on the topic, but never loses a repayment.
 */
final class CoreBanking implements AutoCloseable {

    static final String SOURCE = "core-banking";

    private final KafkaProducer<String, String> producer;
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    final LongAdder resent = new LongAdder();

    CoreBanking(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-core-banking");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** The envelope of one repayment, as the core banking system writes it. */
    static String repayment(UUID eventId, UUID customerId, UUID loanId, LocalDate paidOn, LocalDate dueDate, BigDecimal amountDue,
            BigDecimal amountPaid, int daysPastDue, boolean onTime, BigDecimal outstanding, BigDecimal interestPaid) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("loanId", loanId.toString());
        data.put("paidOn", paidOn.toString());
        data.put("dueDate", dueDate.toString());
        data.put("amountDue", amountDue);
        data.put("amountPaid", amountPaid);
        data.put("daysPastDue", daysPastDue);
        data.put("onTime", onTime);
        data.put("outstanding", outstanding);
        data.put("creditLimit", null);
        data.put("interestPaid", interestPaid);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("type", "REPAYMENT_RECEIVED");
        envelope.put("source", SOURCE);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("schemaVersion", 1);
        envelope.put("customerId", customerId.toString());
        envelope.put("data", data);
        try {
            return Api.JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes one event and waits until Kafka has it, repeating the same record while the broker does not answer. */
    void publish(UUID eventId, UUID customerId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>("repayment-events", customerId.toString(), value);
        record.headers().add("event-id", eventId.toString().getBytes());
        record.headers().add("event-type", "REPAYMENT_RECEIVED".getBytes());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                producer.send(record).get(60, TimeUnit.SECONDS);
                acknowledged.add(eventId);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing " + eventId, e);
            } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("core banking could not publish " + eventId + " for 5 minutes", e);
                }
                resent.increment();
                Api.sleep(500);
            }
        }
    }

    /** Events Kafka acknowledged. */
    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
