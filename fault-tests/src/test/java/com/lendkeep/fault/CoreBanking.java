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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A core banking system publishing REPAYMENT_RECEIVED straight onto {@code repayment-events}
 * (docs/events.md, section 5): key = customer id, a new eventId per repayment, and the same eventId
 * again when a send has to be repeated. It is a client of its own, beside the REST clients: events
 * are queued and sent by one sender thread, in order, each repeated until Kafka acknowledges it, so a
 * broker outage delays them (and may put a copy on the topic) but never loses one, and never holds
 * up the REST traffic.
 */
final class CoreBanking implements AutoCloseable {

    static final String SOURCE = "core-banking";

    private record Pending(UUID eventId, ProducerRecord<String, String> record) {
    }

    private final KafkaProducer<String, String> producer;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Set<UUID> submitted = ConcurrentHashMap.newKeySet();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Thread sender;
    private volatile boolean running = true;
    final LongAdder resent = new LongAdder();

    CoreBanking(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-core-banking");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        sender = Thread.ofPlatform().name("core-banking-sender").daemon().start(this::send);
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

    /** Queues one event for publishing; {@link #awaitSent} waits until Kafka has every queued event. */
    void publish(UUID eventId, UUID customerId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>("repayment-events", customerId.toString(), value);
        record.headers().add("event-id", eventId.toString().getBytes());
        record.headers().add("event-type", "REPAYMENT_RECEIVED".getBytes());
        submitted.add(eventId);
        queue.add(new Pending(eventId, record));
    }

    private void send() {
        while (running) {
            Pending p;
            try {
                p = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null) {
                continue;
            }
            try {
                producer.send(p.record(), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.add(p.eventId());
                    } else {
                        retryLater(p);
                    }
                });
            } catch (RuntimeException e) {
                // no metadata within max.block.ms: the broker is away
                retryLater(p);
            }
        }
    }

    private void retryLater(Pending p) {
        resent.increment();
        Thread.ofVirtual().start(() -> {
            Api.sleep(500);
            queue.add(p);
        });
    }

    /** Waits until Kafka acknowledged every event queued so far. */
    void awaitSent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!acknowledged.containsAll(submitted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("core banking: " + (submitted.size() - acknowledged.size()) + " event(s) still not acknowledged after "
                        + timeout);
            }
            Api.sleep(100);
        }
    }

    /** Events Kafka acknowledged. */
    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sender.join(5000);
        producer.close(Duration.ofSeconds(10));
    }
}
