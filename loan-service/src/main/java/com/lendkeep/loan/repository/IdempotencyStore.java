package com.lendkeep.loan.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.platform.Failures;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The {@code idempotency_key} table: a key is claimed (IN_PROGRESS, committed at once so that a
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

    private final EntityManager em;
    private final LoanConfig config;
    private final Set<Pending> pendingReleases = ConcurrentHashMap.newKeySet();

    public IdempotencyStore(EntityManager em, LoanConfig config) {
        this.em = em;
        this.config = config;
    }

    public Claim claim(String caller, String key, String hash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> inserted = em.createNativeQuery("INSERT INTO idempotency_key (caller, idem_key, request_hash, status, started_at) "
                    + "VALUES (?1, ?2, ?3, 'IN_PROGRESS', now()) ON CONFLICT DO NOTHING RETURNING started_at")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).getResultList();
            if (!inserted.isEmpty()) {
                return new Claim.Claimed(instant(inserted.get(0)));
            }
            List<?> takenOver = em.createNativeQuery("UPDATE idempotency_key SET started_at = now() WHERE caller = ?1 AND idem_key = ?2 "
                    + "AND request_hash = ?3 AND status = 'IN_PROGRESS' AND started_at < now() - make_interval(secs => ?4) RETURNING started_at")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, hash)
                    .setParameter(4, (double) config.idempotency().inProgressExpiry().toSeconds()).getResultList();
            if (!takenOver.isEmpty()) {
                Log.warnf("Idempotency-Key %s of %s: the first request never finished, running it again", key, caller);
                return new Claim.Claimed(instant(takenOver.get(0)));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT request_hash, status, response_status, response_body, response_location "
                    + "FROM idempotency_key WHERE caller = ?1 AND idem_key = ?2")
                    .setParameter(1, caller).setParameter(2, key).getResultList();
            if (rows.isEmpty()) {
                // released between our insert and select: the first request failed, so this one may run
                return claim(caller, key, hash);
            }
            Object[] row = rows.get(0);
            if (!hash.equals(row[0])) {
                return new Claim.Mismatch();
            }
            if ("IN_PROGRESS".equals(row[1])) {
                return new Claim.InProgress();
            }
            return new Claim.Replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4]);
        });
    }

    /** Stores the answer; runs in the request's own transaction, so it commits with the effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String caller, String key, int status, String body, String location) {
        em.createNativeQuery("UPDATE idempotency_key SET status = 'COMPLETED', response_status = ?3, response_body = ?4, "
                + "response_location = ?5, completed_at = now() WHERE caller = ?1 AND idem_key = ?2")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, status).setParameter(4, body)
                .setParameter(5, location).executeUpdate();
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

    void releaseLater(String caller, String key, Instant startedAt) {
        pendingReleases.add(new Pending(caller, key, startedAt));
    }

    @Scheduled(identity = "idempotency-release", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releasePending() {
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

    private static Instant instant(Object timestamp) {
        return switch (timestamp) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected started_at type " + timestamp.getClass());
        };
    }

    @Scheduled(identity = "idempotency-purge", every = "1h", delayed = "10m")
    @Transactional
    void purge() {
        Instant before = Instant.now().minus(config.idempotency().retention());
        int purged = em.createNativeQuery("DELETE FROM idempotency_key WHERE started_at < ?1")
                .setParameter(1, java.sql.Timestamp.from(before)).executeUpdate();
        if (purged > 0) {
            Log.infof("forgot %d Idempotency-Key(s) older than %s", purged, config.idempotency().retention());
        }
    }
}
