package com.lendkeep.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventJson;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.tracing.TraceParents;

/**
 * Records an event in the caller's database transaction. Nothing reaches Kafka unless that
 * transaction commits; once it commits, {@link OutboxRelay} publishes the event.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT_SQL = "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, trace_parent) VALUES (?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final EventJson json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;
    /** The loan book's date, in the service that owns it (loan-service); null elsewhere. */
    private final BusinessDateSource businessDates;

    public Outbox(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, @ConfigProperty(name = "lendkeep.service-name") String source,
            Instance<BusinessDateSource> businessDates) {
        this.businessDates = businessDates.isResolvable() ? businessDates.get() : null;
        this.em = em;
        // amounts keep two decimals and are written plain, never 6E+5
        this.json = new EventJson(mapper);
        this.transactions = transactions;
        this.relay = relay;
        this.source = source;
    }

    /** One event to publish with {@link #publishAll}. */
    public record Pending(EventType type, UUID customerId, Object data) {
    }

    /** Adds an event about {@code customerId} to the current transaction and returns its envelope. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, UUID customerId, Object data) {
        return publishAll(java.util.List.of(new Pending(type, customerId, data))).get(0);
    }

    /**
     * Adds events to the current transaction in one JDBC batch (a close of business publishes
     * thousands per transaction: one round trip per event would dominate it) and returns their
     * envelopes, in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.List<EventEnvelope> publishAll(java.util.List<Pending> events) {
        if (events.isEmpty()) {
            return java.util.List.of();
        }
        java.time.LocalDate businessDate = businessDates == null ? null : businessDates.businessDate();
        java.util.List<EventEnvelope> envelopes = new java.util.ArrayList<>(events.size());
        java.util.List<String> payloads = new java.util.ArrayList<>(events.size());
        // the trace this event continues (TraceParents): the relay sends it on as the traceparent header
        java.util.List<String> traceParents = new java.util.ArrayList<>(events.size());
        for (Pending e : events) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), e.type(), source, Instant.now(),
                    EventEnvelope.CURRENT_SCHEMA_VERSION, e.customerId(), json.data(e.data()), businessDate);
            payloads.add(json.write(envelope));
            envelopes.add(envelope);
            traceParents.add(TraceParents.forEventAbout(e.customerId()));
        }
        // Straight on the transaction's connection: a native query would make Hibernate flush the whole
        // session first (dirty-checking every entity of the transaction) once per event published, and
        // nothing pending in the session can change this insert.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SQL)) {
                for (int i = 0; i < envelopes.size(); i++) {
                    EventEnvelope envelope = envelopes.get(i);
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, envelope.type().topic());
                    insert.setString(3, envelope.customerId().toString());
                    insert.setString(4, envelope.type().name());
                    insert.setString(5, payloads.get(i));
                    insert.setString(6, traceParents.get(i));
                    if (envelopes.size() == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (envelopes.size() > 1) {
                    insert.executeBatch();
                }
            }
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return envelopes;
    }
}
