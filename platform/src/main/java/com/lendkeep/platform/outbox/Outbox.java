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

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;

/**
 * Records an event in the caller's database transaction. Nothing reaches Kafka unless that
 * transaction commits; once it commits, {@link OutboxRelay} publishes the event.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT_SQL = "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;
    private final Instance<BusinessDateSource> businessDates;

    public Outbox(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, @ConfigProperty(name = "lendkeep.service-name") String source,
            Instance<BusinessDateSource> businessDates) {
        this.businessDates = businessDates;
        this.em = em;
        // amounts keep their scale in the event tree (600000.00, not 6E+5 nor 600000): the default tree strips trailing zeros
        this.mapper = mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.transactions = transactions;
        this.relay = relay;
        this.source = source;
    }

    /** Adds an event about {@code customerId} to the current transaction and returns its envelope. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, UUID customerId, Object data) {
        java.time.LocalDate businessDate = businessDates.isResolvable() ? businessDates.get().businessDate() : null;
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, source, Instant.now(),
                EventEnvelope.CURRENT_SCHEMA_VERSION, customerId, mapper.valueToTree(data), businessDate);
        String payload;
        try {
            payload = mapper.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialized", e);
        }
        // Straight on the transaction's connection: a native query would make Hibernate flush the whole
        // session first (dirty-checking every entity of the transaction) once per event published, and
        // nothing pending in the session can change this insert.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SQL)) {
                insert.setObject(1, envelope.eventId());
                insert.setString(2, type.topic());
                insert.setString(3, customerId.toString());
                insert.setString(4, type.name());
                insert.setString(5, payload);
                insert.executeUpdate();
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
        return envelope;
    }
}
