package com.lendkeep.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lendkeep.platform.events.CloudEventHeaders;
import com.lendkeep.platform.kafka.KafkaClients;
import com.lendkeep.platform.ops.PlatformMetrics;

import io.quarkus.logging.Log;

/**
 * Sends a message that can never be processed to this service's dead-letter topic, for consumers
 * that take messages in batches (where a failure must not send the whole batch away). It sets
 * {@code dead-letter-reason} and {@code dead-letter-topic}, two of the headers SmallRye's own
 * dead-letter strategy sets, so one reader serves both kinds of dead letter.
 */
@ApplicationScoped
public class DeadLetters {

    private final String topic;
    private final KafkaClients kafka;
    private final PlatformMetrics metrics;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(@ConfigProperty(name = "lendkeep.service-name") String serviceName,
            KafkaClients kafka, PlatformMetrics metrics) {
        this.topic = serviceName + ".dlq";
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /**
     * Blocks until Kafka has the dead letter (retrying while it is unreachable), so the offset of
     * the original can be committed without losing it.
     */
    public void send(String sourceTopic, String key, String value, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("dead-letter-reason", bytes(reason));
        record.headers().add("dead-letter-topic", bytes(sourceTopic));
        // the original event's CloudEvents attributes, as SmallRye's dead-letter strategy copies the original's
        // headers; a message that is no envelope gets none
        CloudEventHeaders.addTo(record.headers(), value);
        long backoffMs = 500;
        while (true) {
            try {
                producer().send(record).get(30, TimeUnit.SECONDS);
                Log.warnf("message on %s dead-lettered to %s: %s", sourceTopic, topic, reason);
                metrics.deadLettered(topic, reason);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing to " + topic, e);
            } catch (Exception e) {
                Log.warnf("cannot write to the dead-letter topic %s yet, retrying: %s", topic, e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing to " + topic, ie);
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }

    public String topic() {
        return topic;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = kafka.properties(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.CLIENT_ID_CONFIG, "dead-letters"));
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
