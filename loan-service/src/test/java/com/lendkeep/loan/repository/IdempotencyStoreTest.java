package com.lendkeep.loan.repository;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.platform.idempotency.IdempotencyStore;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Releasing a failed request's key. The fault suite found that a request failing because
 * PostgreSQL went away could not release its key either, so every repeat got 409 for the whole
 * in-progress expiry (5 minutes) after the database was back.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class IdempotencyStoreTest {

    @Inject
    IdempotencyStore store;

    @Inject
    EntityManager em;

    @Test
    void aReleaseTheDatabaseCouldNotTakeIsDoneOnceItCan() {
        String key = UUID.randomUUID().toString();
        var claimed = assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("tester", key, "hash"));
        assertInstanceOf(IdempotencyStore.Claim.InProgress.class, store.claim("tester", key, "hash"));

        store.releaseLater("tester", key, claimed.startedAt()); // what release does when the database is unreachable
        store.releasePending();

        assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("tester", key, "hash"), "the key can be used again");
    }

    @Test
    void aLateReleaseLeavesTheClaimOfARepeatThatTookTheKeyOver() {
        String key = UUID.randomUUID().toString();
        var first = assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("tester", key, "hash"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE idempotency_key SET started_at = started_at - interval '1 hour' WHERE caller = 'tester' AND idem_key = ?1")
                .setParameter(1, key).executeUpdate()); // the first request is older than the expiry: a repeat takes over
        var second = assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("tester", key, "hash"));

        store.release("tester", key, first.startedAt().minusSeconds(3600));

        assertInstanceOf(IdempotencyStore.Claim.InProgress.class, store.claim("tester", key, "hash"), "the repeat still runs");
        store.release("tester", key, second.startedAt());
        assertInstanceOf(IdempotencyStore.Claim.Claimed.class, store.claim("tester", key, "hash"));
    }
}
