package com.lendkeep.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import com.lendkeep.platform.Failures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The {@code idempotency_key} table (each service creates it in its own schema): a key is claimed (IN_PROGRESS, committed at once so that a
 * concurrent repeat sees it), then completed with the answer in the same transaction as the
 * request's effect, so a key is COMPLETED if and only if the effect committed. A claim whose
 * request failed is released (later, if the database is unreachable at that moment); one left
 * IN_PROGRESS by a crash can be taken over after the expiry.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a claim found. */
    public sealed interface Claim {
        /** The request may run; {@code startedAt} tells this claim from a later take-over of the same key. */
        record Claimed(Instant startedAt) implements Claim {
        }

        record Replay(int status, String body, String location) implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }
    }

    private record Pending(String caller, String key, Instant startedAt) {
    }

    private static final String CLAIM_SQL = "INSERT INTO idempotency_key (caller, idem_key, request_hash, status, started_at) "
            + "VALUES (?, ?, ?, 'IN_PROGRESS', now()) ON CONFLICT DO NOTHING RETURNING started_at";
    private static final String TAKE_OVER_SQL = "UPDATE idempotency_key SET started_at = now() WHERE caller = ? AND idem_key = ? "
            + "AND request_hash = ? AND status = 'IN_PROGRESS' AND started_at < now() - make_interval(secs => ?) RETURNING started_at";
    private static final String FIND_SQL = "SELECT request_hash, status, response_status, response_body, response_location "
            + "FROM idempotency_key WHERE caller = ? AND idem_key = ?";
    private static final String COMPLETE_SQL = "UPDATE idempotency_key SET status = 'COMPLETED', response_status = ?, response_body = ?, "
            + "response_location = ?, completed_at = now() WHERE caller = ? AND idem_key = ?";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Duration inProgressExpiry;
    private final Duration retention;
    private final Set<Pending> pendingReleases = ConcurrentHashMap.newKeySet();

    /**
     * @param inProgressExpiry a key still IN_PROGRESS after this is taken as abandoned (its transaction cannot still be running)
     * @param retention completed keys are forgotten after this
     */
    public IdempotencyStore(EntityManager em, AgroalDataSource dataSource,
            @ConfigProperty(name = "lendkeep.idempotency.in-progress-expiry", defaultValue = "PT5M") Duration inProgressExpiry,
            @ConfigProperty(name = "lendkeep.idempotency.retention", defaultValue = "PT168H") Duration retention) {
        this.em = em;
        this.dataSource = dataSource;
        this.inProgressExpiry = inProgressExpiry;
        this.retention = retention;
    }

    /**
     * Claims the key for a request about to run, outside any transaction, each statement committing
     * on its own: the claim must be visible to a concurrent repeat at once, and the usual case (a new
     * key) then costs one round trip. No statement here relies on another in the same transaction:
     * each reads the latest committed row, as it would within one READ COMMITTED transaction.
     */
    public Claim claim(String caller, String key, String hash) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                return claim(c, caller, key, hash);
            }
        });
    }

    private Claim claim(Connection c, String caller, String key, String hash) throws SQLException {
        Instant claimed = startedAt(c, CLAIM_SQL, caller, key, hash, null);
        if (claimed != null) {
            return new Claim.Claimed(claimed);
        }
        Instant takenOver = startedAt(c, TAKE_OVER_SQL, caller, key, hash, (double) inProgressExpiry.toSeconds());
        if (takenOver != null) {
            Log.warnf("Idempotency-Key %s of %s: the first request never finished, running it again", key, caller);
            return new Claim.Claimed(takenOver);
        }
        try (PreparedStatement select = c.prepareStatement(FIND_SQL)) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    // released between our insert and select: the first request failed, so this one may run
                    return claim(c, caller, key, hash);
                }
                if (!hash.equals(row.getString(1))) {
                    return new Claim.Mismatch();
                }
                if ("IN_PROGRESS".equals(row.getString(2))) {
                    return new Claim.InProgress();
                }
                return new Claim.Replay(row.getInt(3), row.getString(4), row.getString(5));
            }
        }
    }

    /** Runs the insert or take-over; the row's new {@code started_at}, or null if it did not apply. */
    private static Instant startedAt(Connection c, String sql, String caller, String key, String hash, Double expirySeconds)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, caller);
            statement.setString(2, key);
            statement.setString(3, hash);
            if (expirySeconds != null) {
                statement.setDouble(4, expirySeconds);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        }
    }

    /**
     * Stores the answer; runs in the request's own transaction, so it commits with the effect.
     * Straight on the transaction's connection: a native query would make Hibernate flush the whole
     * session first (the request's loan and every installment), and then again at commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String caller, String key, int status, String body, String location) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement update = c.prepareStatement(COMPLETE_SQL)) {
                update.setInt(1, status);
                update.setString(2, body);
                update.setString(3, location);
                update.setString(4, caller);
                update.setString(5, key);
                update.executeUpdate();
            }
        });
    }

    /**
     * The request failed and changed nothing: the key may be used again. When the database cannot
     * be reached (often why the request failed), the release is retried until it can be: otherwise
     * every repeat would get 409 until the in-progress expiry, long after the database is back.
     */
    public void release(String caller, String key, Instant startedAt) {
        try {
            delete(caller, key, startedAt);
        } catch (RuntimeException e) {
            if (!Failures.isTransient(e)) {
                throw e;
            }
            Log.warnf("Idempotency-Key %s of %s: cannot release it yet, retrying: %s", key, caller, Failures.rootMessage(e));
            releaseLater(caller, key, startedAt);
        }
    }

    /** What {@link #release} does when the database cannot be reached; public for the services' tests. */
    public void releaseLater(String caller, String key, Instant startedAt) {
        pendingReleases.add(new Pending(caller, key, startedAt));
    }

    @Scheduled(identity = "idempotency-release", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void releasePending() {
        for (Pending p : List.copyOf(pendingReleases)) {
            try {
                delete(p.caller(), p.key(), p.startedAt());
                pendingReleases.remove(p);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    return; // still unreachable: next time
                }
                Log.errorf(e, "Idempotency-Key %s of %s: cannot release it; repeats get 409 until it expires", p.key(), p.caller());
                pendingReleases.remove(p);
            }
        }
    }

    /** Only this claim: a repeat that took the key over after the expiry has another start and keeps its claim. */
    private void delete(String caller, String key, Instant startedAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM idempotency_key WHERE caller = ?1 AND idem_key = ?2 AND status = 'IN_PROGRESS' AND started_at = ?3")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, startedAt).executeUpdate());
    }

    @Scheduled(identity = "idempotency-purge", every = "1h", delayed = "10m")
    @Transactional
    void purge() {
        Instant before = Instant.now().minus(retention);
        int purged = em.createNativeQuery("DELETE FROM idempotency_key WHERE started_at < ?1")
                .setParameter(1, java.sql.Timestamp.from(before)).executeUpdate();
        if (purged > 0) {
            Log.infof("forgot %d Idempotency-Key(s) older than %s", purged, retention);
        }
    }
}
