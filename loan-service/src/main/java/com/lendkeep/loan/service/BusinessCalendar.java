package com.lendkeep.loan.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.BusinessDate;
import com.lendkeep.platform.outbox.BusinessDateSource;

/**
 * The loan book's business date (not the wall clock): every due-date decision uses it, and every
 * event this service publishes carries it ({@link BusinessDateSource}, read by the outbox).
 * <p>
 * The date an event carries is the one its transaction worked on: once a transaction has read,
 * locked or moved the date through this class, that value is remembered on the transaction (so a
 * close of business stamps its own events with the new date before it commits). A transaction that
 * never looked at the date gets the last committed value, cached for the whole service: refreshed as
 * soon as a close of business of this instance commits, and re-read after {@code
 * loan.business-date.cache-ttl} in case another instance moved it.
 */
@ApplicationScoped
public class BusinessCalendar implements BusinessDateSource {

    /** Key of the transaction's business date in the transaction's resources. */
    private static final String TRANSACTION_DATE = BusinessCalendar.class.getName() + ".date";

    private record Cached(LocalDate date, long readAtNanos) {
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final long cacheTtlNanos;
    private final AtomicReference<Cached> committed = new AtomicReference<>();

    public BusinessCalendar(EntityManager em, TransactionSynchronizationRegistry transactions,
            LoanConfig config) {
        this.em = em;
        this.transactions = transactions;
        this.cacheTtlNanos = config.businessDate().cacheTtl().toNanos();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today() {
        return remember(em.find(BusinessDate.class, BusinessDate.SINGLETON).current);
    }

    /** Locks the business date row so that two advances (or an advance and a repayment) serialize. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BusinessDate lock() {
        BusinessDate row = em.find(BusinessDate.class, BusinessDate.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
        remember(row.current);
        return row;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void set(BusinessDate row, LocalDate date) {
        row.current = date;
        row.updatedAt = Instant.now();
        remember(date);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                // a rolled-back move leaves the cache on the date before it (re-read after the TTL anyway)
                committed.set(status == Status.STATUS_COMMITTED ? new Cached(date, System.nanoTime()) : null);
            }
        });
    }

    /** The date the current transaction works on (see the class comment). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public LocalDate businessDate() {
        LocalDate ofTransaction = (LocalDate) transactions.getResource(TRANSACTION_DATE);
        if (ofTransaction != null) {
            return ofTransaction;
        }
        Cached cached = committed.get();
        if (cached != null && System.nanoTime() - cached.readAtNanos() < cacheTtlNanos) {
            return remember(cached.date());
        }
        LocalDate read = today();
        committed.compareAndSet(cached, new Cached(read, System.nanoTime()));
        return read;
    }

    private LocalDate remember(LocalDate date) {
        if (transactions.getTransactionKey() != null) {
            transactions.putResource(TRANSACTION_DATE, date);
        }
        return date;
    }
}
