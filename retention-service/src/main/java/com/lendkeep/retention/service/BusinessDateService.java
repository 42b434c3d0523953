package com.lendkeep.retention.service;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The loan book's business date as loan-service's events tell it: BUSINESS_DATE_CHANGED and the
 * {@code businessDate} every loan-service envelope carries. It only moves forward (a late or
 * redelivered event never takes it back). Outcomes are decided up to it and no further: a report
 * "as of" a later date would invent what has not happened yet. Until loan-service has said
 * anything, the wall clock's date stands in (documented in docs/retention.md).
 */
@ApplicationScoped
public class BusinessDateService {

    private final EntityManager em;
    private final Clock clock;
    /** The highest date this instance wrote or read: most events carry the same date, so most need no statement. */
    private final AtomicReference<LocalDate> seen = new AtomicReference<>();

    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;

    public BusinessDateService(EntityManager em, Clock clock, jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Moves the business date to {@code date} if that is later; null is no information. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(LocalDate date) {
        if (date == null) {
            return;
        }
        LocalDate known = seen.get();
        if (known != null && !date.isAfter(known)) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO business_date (id, business_date, updated_at) VALUES (1, ?1, now())
                ON CONFLICT (id) DO UPDATE SET business_date = excluded.business_date, updated_at = now()
                WHERE business_date.business_date < excluded.business_date""")
                .setParameter(1, Date.valueOf(date)).executeUpdate();
        // remembered only once committed: a rolled-back event is redelivered and must write again
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    seen.accumulateAndGet(date, (a, b) -> a == null || b.isAfter(a) ? b : a);
                }
            }
        });
    }

    /** The business date, or null when loan-service has not told one yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate known() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT business_date FROM business_date WHERE id = 1").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return rows.get(0) instanceof LocalDate d ? d : ((Date) rows.get(0)).toLocalDate(); // the driver's type depends on the mapping
    }

    /** The business date, or the wall clock's date (UTC) while none is known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate current() {
        LocalDate known = known();
        return known != null ? known : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }
}
