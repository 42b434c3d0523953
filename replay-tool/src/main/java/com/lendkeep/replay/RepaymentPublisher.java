package com.lendkeep.replay;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.kafka.KafkaSettings;

/**
 * Publishes six monthly repayment records per UCI customer to {@code repayment-events}, as a core
 * banking system would, with the services' {@code kafka.*} security settings (TLS, SASL).
 */
final class RepaymentPublisher {

    static final String TOPIC = "repayment-events";
    static final int MONTHS = 6;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String bootstrapServers;
    private final String runId;

    /** {@code runId} makes this run's loan ids differ from an earlier run's on the same stack. */
    RepaymentPublisher(String bootstrapServers, String runId) {
        this.bootstrapServers = bootstrapServers;
        this.runId = runId;
    }

    /** The producer's settings: this process's {@code kafka.*} settings, then ours (all acks, idempotent, batched). */
    Properties producerSettings() {
        Properties props = KafkaSettings.fromEnvironment();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    /** Returns how many records Kafka acknowledged; fails unless all were. */
    long publish(List<UciRecord> records, Map<Integer, UUID> customers) throws Exception {
        long total = records.size() * (long) MONTHS;
        ProgressBar bar = new ProgressBar("publishing repayments", total);
        AtomicLong acked = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(), new StringSerializer())) {
            // month by month, so that the stream is in time order as a core banking system would send it
            for (int m = 0; m < MONTHS; m++) {
                LocalDate month = LocalDate.of(2005, 4 + m, 1);
                for (UciRecord r : records) {
                    UUID customer = customers.get(r.id());
                    EventEnvelope event = repayment(r, m, month, customer);
                    producer.send(new ProducerRecord<>(TOPIC, customer.toString(), JSON.writeValueAsString(event)),
                            (meta, error) -> {
                                if (error != null) {
                                    System.err.println("publish failed: " + error.getMessage());
                                } else {
                                    bar.update(acked.incrementAndGet());
                                }
                            });
                }
            }
            producer.flush();
        }
        bar.done();
        if (acked.get() != total) {
            throw new IllegalStateException("only " + acked.get() + " of " + total + " records were acknowledged by Kafka");
        }
        return total;
    }

    private EventEnvelope repayment(UciRecord r, int m, LocalDate month, UUID customer) {
        UUID loan = UUID.nameUUIDFromBytes(("uci-card-" + runId + "-" + r.id()).getBytes(StandardCharsets.UTF_8));
        BigDecimal due = BigDecimal.valueOf(Math.max(0, r.bill()[m]));
        var data = new Payloads.RepaymentReceived(loan, month, month, due, BigDecimal.valueOf(r.paid()[m]),
                r.daysPastDue(m), r.status()[m] <= 0, due, BigDecimal.valueOf(r.limit()), null);
        return new EventEnvelope(UUID.randomUUID(), EventType.REPAYMENT_RECEIVED, "core-banking-replay",
                month.atStartOfDay().toInstant(ZoneOffset.UTC), EventEnvelope.CURRENT_SCHEMA_VERSION, customer,
                JSON.valueToTree(data));
    }
}
