package com.lendkeep.platform.ops;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counters every service shares (docs/operations.md has the table). Reasons are grouped into a few
 * fixed categories: the full reason is on the dead letter's header, and a label with free text
 * would make one time series per message.
 */
@Startup
@ApplicationScoped
public class PlatformMetrics {

    private static final java.util.List<String> REASONS = java.util.List.of("schema-version", "invalid-payload",
            "processing-failed", "unknown-type", "invalid-envelope", "other");

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter processed;

    /** Registers the counters at zero, so that an alert on their increase sees the first dead letter. */
    public PlatformMetrics(MeterRegistry registry,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "lendkeep.service-name") String serviceName) {
        this.registry = registry;
        REASONS.forEach(reason -> deadLetters(serviceName + ".dlq", reason));
        duplicates();
        published = Counter.builder("lendkeep.outbox.published").description("Events the outbox relay published to Kafka")
                .baseUnit("events").register(registry);
        processed = Counter.builder("lendkeep.inbox.processed").description("Events consumed and processed (each once)")
                .baseUnit("events").register(registry);
    }

    /** The relay published {@code count} events. */
    public void published(int count) {
        published.increment(count);
    }

    /** {@code count} events were processed for the first time. */
    public void processed(int count) {
        processed.increment(count);
    }

    /** A message went to {@code deadLetterTopic} for {@code reason}. */
    public void deadLettered(String deadLetterTopic, String reason) {
        deadLetters(deadLetterTopic, reasonCategory(reason)).increment();
    }

    /** An event arrived again and was ignored (its id was already processed). */
    public void duplicatesSkipped(int count) {
        if (count > 0) {
            duplicates().increment(count);
        }
    }

    private Counter deadLetters(String topic, String category) {
        return Counter.builder("lendkeep.dead.letters").description("Messages sent to a dead-letter topic, by reason category")
                .tag("topic", topic).tag("reason", category).register(registry);
    }

    private Counter duplicates() {
        return Counter.builder("lendkeep.inbox.duplicates.skipped").description("Redelivered events ignored by the idempotent inbox")
                .register(registry);
    }

    static String reasonCategory(String reason) {
        if (reason == null) {
            return "other";
        }
        if (reason.startsWith("unsupported schema version")) {
            return "schema-version";
        }
        if (reason.startsWith("payload of")) {
            return "invalid-payload";
        }
        if (reason.startsWith("processing failed")) {
            return "processing-failed";
        }
        if (reason.startsWith("unknown event type")) {
            return "unknown-type";
        }
        return "invalid-envelope";
    }
}
