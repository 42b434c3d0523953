package com.lendkeep.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lendkeep.platform.events.CloudEventHeaders;
import com.lendkeep.platform.kafka.KafkaClients;
import com.lendkeep.platform.ops.PlatformMetrics;
import com.lendkeep.platform.tracing.TraceParents;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka in id order, at least once. One relay per service schema is
 * active at a time (a PostgreSQL advisory lock), which keeps the order per key even when several
 * instances of a service run. A row is marked published only after Kafka acknowledged it, so a
 * crash in between means a re-send, which consumers ignore by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String LOCK_SQL = "SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay:' || current_schema()))";
    private static final String SELECT_SQL = "SELECT id, topic, message_key, event_id, event_type, payload, trace_parent FROM outbox_event "
            + "WHERE published_at IS NULL ORDER BY id LIMIT ?";
    private static final String MARK_SQL = "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)";
    private static final String PURGE_SQL = "DELETE FROM outbox_event WHERE published_at < now() - make_interval(hours => ?)";

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final PlatformMetrics metrics;
    private final int batchSize;
    private final Duration idlePoll;
    private final int retentionHours;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile String lastError;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource,
            KafkaClients kafka, PlatformMetrics metrics,
            @ConfigProperty(name = "lendkeep.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "lendkeep.outbox.idle-poll", defaultValue = "PT0.5S") Duration idlePoll,
            @ConfigProperty(name = "lendkeep.outbox.retention-hours", defaultValue = "168") int retentionHours) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.retentionHours = retentionHours;
    }

    void onStart(@Observes StartupEvent event) {
        Properties props = kafka.properties(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction with outbox rows commits, so events leave without waiting for the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        long backoffMs = 200;
        long lastPurge = 0;
        while (running) {
            try {
                int sent = publishBatch();
                lastError = null;
                backoffMs = 200;
                if (System.currentTimeMillis() - lastPurge > 3_600_000L) {
                    purge();
                    lastPurge = System.currentTimeMillis();
                }
                if (sent < batchSize) {
                    wakeUps.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!message.equals(lastError)) {
                    Log.warnf("outbox relay cannot publish yet, will retry: %s", message);
                }
                lastError = message;
                sleepQuietly(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5000);
            }
        }
    }

    /** Publishes up to one batch; returns how many rows were published. */
    int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(SELECT_SQL)) {
                    select.setInt(1, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString("topic"),
                                    rs.getString("message_key"), rs.getString("payload"));
                            record.headers().add("event-id", rs.getString("event_id").getBytes());
                            record.headers().add("event-type", rs.getString("event_type").getBytes());
                            // CloudEvents attributes (binary content mode) beside the envelope, read from it
                            CloudEventHeaders.addTo(record.headers(), record.value());
                            String traceParent = rs.getString("trace_parent");
                            if (traceParent != null) {
                                // the consumer continues the trace of the request that wrote the row
                                record.headers().add(TraceParents.HEADER, traceParent.getBytes(StandardCharsets.US_ASCII));
                            }
                            ids.add(rs.getLong("id"));
                            acks.add(producer.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                try (PreparedStatement mark = c.prepareStatement(MARK_SQL)) {
                    Array array = c.createArrayOf("bigint", ids.toArray());
                    mark.setArray(1, array);
                    mark.executeUpdate();
                }
                c.commit();
                metrics.published(ids.size());
                return ids.size();
            } catch (Exception e) {
                safeRollback(c);
                throw e;
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK_SQL); ResultSet rs = lock.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void purge() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement purge = c.prepareStatement(PURGE_SQL)) {
            purge.setInt(1, retentionHours);
            int removed = purge.executeUpdate();
            if (removed > 0) {
                Log.debugf("outbox: purged %d published events older than %d h", removed, retentionHours);
            }
        }
    }

    private static void safeRollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
