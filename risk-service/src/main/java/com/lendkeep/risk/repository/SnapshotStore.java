package com.lendkeep.risk.repository;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Feature snapshots by customer and business date (its inputs as that day ended), for point-in-time training
 * (docs/risk-model.md).
 */
@ApplicationScoped
public class SnapshotStore {

    public record Snapshot(UUID customerId, LocalDate asOf, double[] vector) {
    }

    private final EntityManager em;

    public SnapshotStore(EntityManager em) {
        this.em = em;
    }

    /** Writes the snapshots in one JDBC batch, in the caller's transaction. */
    public void write(List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO feature_snapshot (customer_id, as_of, vector) VALUES (?, ?, ?) "
                    + "ON CONFLICT (customer_id, as_of) DO UPDATE SET vector = EXCLUDED.vector")) {
                for (Snapshot s : snapshots) {
                    Double[] boxed = new Double[s.vector().length];
                    for (int i = 0; i < boxed.length; i++) {
                        boxed[i] = s.vector()[i];
                    }
                    insert.setObject(1, s.customerId());
                    insert.setObject(2, s.asOf());
                    insert.setArray(3, c.createArrayOf("float8", boxed));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Each customer's latest snapshot dated on or before {@code date}; customers without one are absent. */
    public Map<UUID, double[]> at(Collection<UUID> customerIds, LocalDate date) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<UUID, double[]> out = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT ON (customer_id) customer_id, vector FROM feature_snapshot "
                    + "WHERE customer_id = ANY(?) AND as_of <= ? ORDER BY customer_id, as_of DESC")) {
                Array ids = c.createArrayOf("uuid", customerIds.toArray());
                select.setArray(1, ids);
                select.setObject(2, date);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Object[] values = (Object[]) rs.getArray(2).getArray();
                        double[] v = new double[values.length];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = ((Number) values[i]).doubleValue();
                        }
                        out.put(rs.getObject(1, UUID.class), v);
                    }
                }
            }
            return out;
        });
    }
}
