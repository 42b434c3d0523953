package com.lendkeep.loan.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The {@code idempotency_key} table: a key is claimed (IN_PROGRESS, committed at once so that a
 * concurrent repeat sees it), then completed with the answer in the same transaction as the
 * request's effect, so a key is COMPLETED if and only if the effect committed. A claim whose
 * request failed is released; one left IN_PROGRESS by a crash can be taken over after the expiry.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a claim found. */
    public sealed interface Claim {
        record Claimed() implements Claim {
        }

        record Replay(int status, String body, String location) implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }
    }

    private final EntityManager em;
    private final LoanConfig config;

    public IdempotencyStore(EntityManager em, LoanConfig config) {
        this.em = em;
        this.config = config;
    }

    public Claim claim(String caller, String key, String hash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("INSERT INTO idempotency_key (caller, idem_key, request_hash, status, started_at) "
                    + "VALUES (?1, ?2, ?3, 'IN_PROGRESS', now()) ON CONFLICT DO NOTHING")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).executeUpdate();
            if (inserted == 1) {
                return new Claim.Claimed();
            }
            int takenOver = em.createNativeQuery("UPDATE idempotency_key SET started_at = now() WHERE caller = ?1 AND idem_key = ?2 "
                    + "AND request_hash = ?3 AND status = 'IN_PROGRESS' AND started_at < now() - make_interval(secs => ?4)")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, hash)
                    .setParameter(4, (double) config.idempotency().inProgressExpiry().toSeconds()).executeUpdate();
            if (takenOver == 1) {
                Log.warnf("Idempotency-Key %s of %s: the first request never finished, running it again", key, caller);
                return new Claim.Claimed();
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

    /** The request failed and changed nothing: the key may be used again. */
    public void release(String caller, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM idempotency_key WHERE caller = ?1 AND idem_key = ?2 AND status = 'IN_PROGRESS'")
                .setParameter(1, caller).setParameter(2, key).executeUpdate());
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
