package com.lendkeep.retention.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL transaction-level advisory locks (two-int key space, apart from the outbox relay's).
 * Alert and loan events of one customer run on different consumer threads, and REST calls beside
 * them: counting offers or budget and then adding one must not interleave.
 */
@ApplicationScoped
public class Locks {

    private static final int CUSTOMER = 1;
    private static final int BUDGET = 2;
    private static final int PLAYBOOK = 3;

    private final EntityManager em;

    public Locks(EntityManager em) {
        this.em = em;
    }

    /** Serializes decisions about one customer (eligibility, offers per window). Take it before {@link #budget()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void customer(UUID customerId) {
        lock(CUSTOMER, Long.hashCode(customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits()));
    }

    /** Serializes spending the budget, all customers together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void budget() {
        lock(BUDGET, 0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void playbook() {
        lock(PLAYBOOK, 0);
    }

    private void lock(int space, int key) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) l")
                .setParameter(1, space).setParameter(2, key).getSingleResult();
    }
}
