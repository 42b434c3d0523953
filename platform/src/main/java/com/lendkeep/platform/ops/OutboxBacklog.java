package com.lendkeep.platform.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far the outbox relay is behind: rows not yet on Kafka and the age of the oldest. Sampled
 * by {@link OpsSampler} (a scrape or a health probe never waits on the database), read by the
 * metrics and by the readiness check that says the relay is stuck.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final String SQL = "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) "
            + "FROM outbox_event WHERE published_at IS NULL";

    private final AgroalDataSource dataSource;
    private volatile long pending;
    private volatile double oldestAgeSeconds;
    private volatile boolean sampled;

    public OutboxBacklog(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("lendkeep.outbox.pending", this, b -> b.pending).description("Outbox rows not yet published to Kafka")
                .baseUnit("events").register(registry);
        Gauge.builder("lendkeep.outbox.oldest.pending.age", this, b -> b.oldestAgeSeconds)
                .description("Age of the oldest outbox row not yet published").baseUnit("seconds").register(registry);
    }

    void sample() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL); ResultSet rs = s.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
            oldestAgeSeconds = rs.getDouble(2);
            sampled = true;
        }
    }

    public long pending() {
        return pending;
    }

    public double oldestAgeSeconds() {
        return oldestAgeSeconds;
    }

    public boolean sampled() {
        return sampled;
    }
}
