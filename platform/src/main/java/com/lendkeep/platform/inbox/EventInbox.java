package com.lendkeep.platform.inbox;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.lendkeep.platform.Failures;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.ops.PlatformMetrics;
import com.lendkeep.platform.tracing.InboxTracing;
import com.lendkeep.platform.tracing.TraceParents;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The consuming side of the event contract: parses and validates the envelope, ignores events
 * already processed, and runs the effect and the "processed" mark in one transaction.
 * <ul>
 * <li>Poison messages (see {@link PoisonMessageException}) are thrown to the messaging layer,
 * which sends them to the dead-letter topic.</li>
 * <li>Transient failures (database unreachable, deadlock) are retried until they succeed: the
 * partition waits rather than losing the event.</li>
 * <li>Any other failure is retried a few times, then dead-lettered with its reason.</li>
 * </ul>
 */
@ApplicationScoped
public class EventInbox {

    /** MDC keys of consumer log records (docs/operations.md, "Logs"). */
    public static final String MDC_EVENT_ID = "eventId";
    public static final String MDC_BATCH_FIRST_EVENT = "batchFirstEventId";
    public static final String MDC_BATCH_SIZE = "batchSize";

    private final ObjectMapper mapper;
    private final Validator validator;
    private final EntityManager em;
    private final DeadLetters deadLetters;
    private final PlatformMetrics metrics;
    private final InboxTracing tracing;
    private final EnvelopeParser parser;
    /** One reader per payload type, built once: {@code treeToValue} resolves the type again for every event. */
    private final Map<Class<?>, ObjectReader> payloads = new ConcurrentHashMap<>();
    private final int maxAttempts;

    public EventInbox(ObjectMapper mapper, Validator validator, EntityManager em, DeadLetters deadLetters, PlatformMetrics metrics,
            InboxTracing tracing, @ConfigProperty(name = "lendkeep.inbox.max-attempts", defaultValue = "3") int maxAttempts) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.mapper = mapper;
        this.parser = new EnvelopeParser(mapper);
        this.validator = validator;
        this.em = em;
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
    }

    /** A raw message as it came off a topic, with its {@code traceparent} header (null if none). */
    public record Incoming(String topic, String key, String value, String traceParent) {

        public Incoming(String topic, String key, String value) {
            this(topic, key, value, null);
        }

        /** The records of one poll, in order. */
        public static List<Incoming> of(ConsumerRecords<String, String> records) {
            List<Incoming> messages = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> r : records) {
                messages.add(new Incoming(r.topic(), r.key(), r.value(), TraceParents.of(r.headers())));
            }
            return messages;
        }
    }

    /**
     * Processes a batch of messages in one transaction: one statement records every event id, and
     * {@code handler} gets the events not seen before, in order. Poison messages go to the
     * dead-letter topic and the rest of the batch goes on. If the batch fails for another reason,
     * it is processed again message by message, so that one bad message cannot hold back the
     * others. Transient failures are retried until they succeed. Never throws for one message.
     */
    public void processBatch(List<Incoming> messages, BatchEventHandler handler) {
        List<EventEnvelope> events = new ArrayList<>(messages.size());
        List<Incoming> parsed = new ArrayList<>(messages.size());
        List<String> traceParents = new ArrayList<>(messages.size());
        for (Incoming m : messages) {
            try {
                events.add(parse(m.value()));
                parsed.add(m);
                traceParents.add(m.traceParent());
            } catch (PoisonMessageException e) {
                deadLetters.send(m.topic(), m.key(), m.value(), e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        long backoffMs = 100;
        while (true) {
            try {
                int[] done = new int[1]; // counted once committed, not per attempt
                QuarkusTransaction.requiringNew().run(() -> {
                    Set<UUID> fresh = claimAll(events);
                    done[0] = fresh.size();
                    List<EventEnvelope> todo = new ArrayList<>(fresh.size());
                    for (EventEnvelope e : events) {
                        if (fresh.remove(e.eventId())) {
                            todo.add(e);
                        }
                    }
                    if (!todo.isEmpty()) {
                        // consumer log records name the batch: its first event and its size
                        MDC.put(MDC_BATCH_FIRST_EVENT, todo.get(0).eventId().toString());
                        MDC.put(MDC_BATCH_SIZE, String.valueOf(todo.size()));
                        try {
                            tracing.inTraces(messages.get(0).topic(), events, traceParents, () -> handler.handle(todo));
                        } finally {
                            MDC.remove(MDC_BATCH_FIRST_EVENT);
                            MDC.remove(MDC_BATCH_SIZE);
                        }
                    }
                });
                metrics.processed(done[0]);
                metrics.duplicatesSkipped(events.size() - done[0]);
                return;
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    Log.warnf("batch of %d events: transient failure, retrying: %s", events.size(), Failures.rootMessage(e));
                    sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 5000);
                    continue;
                }
                Log.warnf("batch of %d events failed (%s); processing them one by one", events.size(), Failures.rootMessage(e));
                break;
            }
        }
        // only those with a valid envelope: the others are on the dead-letter topic already
        for (Incoming m : parsed) {
            try {
                processOnce(m.value(), m.topic(), m.traceParent(), event -> handler.handle(List.of(event)));
            } catch (PoisonMessageException e) {
                deadLetters.send(m.topic(), m.key(), m.value(), e.getMessage());
            }
        }
    }

    /** Processes one raw Kafka message value exactly once in effect. */
    public void process(String raw, EventHandler handler) {
        try {
            // the connector made the record's trace current already (one record per call)
            processOnce(raw, null, null, handler);
        } catch (PoisonMessageException e) {
            // thrown to the messaging layer, whose dead-letter strategy sends it on
            metrics.deadLettered(deadLetters.topic(), e.getMessage());
            throw e;
        }
    }

    private void processOnce(String raw, String topic, String traceParent, EventHandler handler) {
        EventEnvelope event = parse(raw);
        // every log record while this event is handled (also the retries' warnings) names it
        MDC.put(MDC_EVENT_ID, event.eventId().toString());
        try {
            processOnce(event, topic, traceParent, handler);
        } finally {
            MDC.remove(MDC_EVENT_ID);
        }
    }

    private void processOnce(EventEnvelope event, String topic, String traceParent, EventHandler handler) {
        int failures = 0;
        long backoffMs = 100;
        while (true) {
            try {
                boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
                    if (claim(event)) {
                        if (traceParent == null) {
                            handler.handle(event);
                        } else {
                            tracing.inTraces(topic, List.of(event), List.of(traceParent), () -> handler.handle(event));
                        }
                        return true;
                    }
                    return false;
                });
                if (fresh) {
                    metrics.processed(1);
                } else {
                    metrics.duplicatesSkipped(1);
                }
                return;
            } catch (PoisonMessageException e) {
                throw e;
            } catch (RuntimeException e) {
                PoisonMessageException poison = Failures.findCause(e, PoisonMessageException.class);
                if (poison != null) {
                    throw poison;
                }
                if (Failures.isTransient(e)) {
                    Log.warnf("event %s (%s): transient failure, retrying: %s", event.eventId(), event.type(), Failures.rootMessage(e));
                } else if (++failures >= maxAttempts) {
                    throw new PoisonMessageException("processing failed " + failures + " times: " + Failures.rootMessage(e), e);
                } else {
                    Log.warnf(e, "event %s (%s): attempt %d failed", event.eventId(), event.type(), failures);
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5000);
            }
        }
    }

    /** Reads the typed payload of an event, validated; a payload that does not fit is poison. */
    public <T> T data(EventEnvelope event, Class<T> type) {
        T data;
        try {
            data = payloads.computeIfAbsent(type, mapper::readerFor).readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("payload of " + event.type() + " does not match its schema: " + e.getOriginalMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("payload of " + event.type() + " does not match its schema: " + e.getMessage(), e);
        }
        if (data == null) {
            throw new PoisonMessageException("payload of " + event.type() + " is missing");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("payload of " + event.type() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }

    EventEnvelope parse(String raw) {
        return parser.parse(raw);
    }

    /** Records the event as processed; false if it already was (a redelivery). */
    private boolean claim(EventEnvelope event) {
        boolean fresh = claimAll(List.of(event)).contains(event.eventId());
        if (!fresh) {
            Log.debugf("event %s already processed, ignored", event.eventId());
        }
        return fresh;
    }

    /**
     * Records every event id in one statement; returns the ids that were new. Plain JDBC on the
     * transaction's connection: Hibernate's native-query machinery cost more than the statement.
     */
    private Set<UUID> claimAll(List<EventEnvelope> events) {
        UUID[] ids = events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new);
        String[] types = events.stream().map(e -> e.type().name()).toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO processed_event (event_id, event_type) "
                    + "SELECT * FROM unnest(?::uuid[], ?::text[]) ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
                insert.setArray(1, c.createArrayOf("uuid", ids));
                insert.setArray(2, c.createArrayOf("text", types));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
