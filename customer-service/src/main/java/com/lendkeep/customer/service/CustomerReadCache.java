package com.lendkeep.customer.service;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.ops.ReadCacheMetrics;

/**
 * The answers of {@code GET /customers/{id}} (the response's JSON and the version for its ETag),
 * kept in memory so that a read costs neither a database round trip nor the parsing of the stored
 * assessment nor the JSON writing (bin/bench: the database alone was a third of the CPU per read).
 *
 * <p>Never stale beyond a commit:
 * <ul>
 * <li>every change of a customer row, from any instance or by hand, makes PostgreSQL notify
 * {@code customer_changed} with the id when it commits (trigger of migration V3), and
 * {@link CustomerChangeListener} drops that entry;</li>
 * <li>a change made here also drops the entry when its transaction completes, before the writer
 * answers, so that a client reads its own write on this instance without waiting for the
 * notification ({@link #evictAfterCompletion}: every change takes the row lock first, which
 * calls it);</li>
 * <li>the cache is used only while the listener is listening: when its connection fails, the cache
 * is emptied and reads go to the database until it listens again;</li>
 * <li>a read that loaded the row before a change but stores it after the change was reported
 * removes its own entry again (a counter per stripe of ids, compared before and after).</li>
 * </ul>
 * Another instance sees a change once the notification arrives (milliseconds after the commit).
 * Not-found answers are not cached.
 */
@ApplicationScoped
public class CustomerReadCache {

    /** The response body (JSON, UTF-8) and the profile's version (the ETag). */
    public record Entry(byte[] json, long version) {
    }

    private static final int STRIPES = 256;

    private final Cache<UUID, Entry> entries;
    private final TransactionSynchronizationRegistry transactions;
    /** Incremented when the whole cache is dropped (listener started or lost). */
    private final AtomicLong generation = new AtomicLong();
    /** Incremented when an id of the stripe is dropped. */
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    private volatile boolean listening;
    private final ReadCacheMetrics metrics;

    public CustomerReadCache(CustomerConfig config, TransactionSynchronizationRegistry transactions, ReadCacheMetrics metrics) {
        this.metrics = metrics;
        int maxSize = config.readCache().maxSize();
        this.entries = maxSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).build();
        this.transactions = transactions;
    }

    /** False when {@code customer.read-cache.max-size} is 0. */
    public boolean enabled() {
        return entries != null;
    }

    /** True while the cache answers (enabled, and the change listener is listening). */
    public boolean active() {
        return listening;
    }

    /**
     * The cached answer for the customer, or the one {@code load} gives (which is then kept). An
     * exception of {@code load} (404) passes through and nothing is kept.
     */
    public Entry get(UUID id, Supplier<Entry> load) {
        if (!listening) {
            metrics.bypass();
            return load.get();
        }
        Entry hit = entries.getIfPresent(id);
        if (hit != null) {
            metrics.hit();
            return hit;
        }
        metrics.miss();
        int stripe = stripe(id);
        long generationBefore = generation.get();
        long stripeBefore = stripes.get(stripe);
        Entry loaded = load.get();
        if (listening) {
            entries.put(id, loaded);
            // a change reported while loading: what was loaded may predate it
            if (generation.get() != generationBefore || stripes.get(stripe) != stripeBefore) {
                entries.invalidate(id);
            }
        }
        return loaded;
    }

    /** Whether an answer for the customer is kept (for tests). */
    public boolean contains(UUID id) {
        return entries != null && entries.getIfPresent(id) != null;
    }

    /** Drops the customer's entry. */
    public void evict(UUID id) {
        if (entries == null) {
            return;
        }
        stripes.incrementAndGet(stripe(id));
        entries.invalidate(id);
    }

    /**
     * Drops the customer's entry when the current transaction completes (committed or not), or now
     * if there is no transaction.
     */
    public void evictAfterCompletion(UUID id) {
        if (entries == null) {
            return;
        }
        if (transactions.getTransactionKey() == null) {
            evict(id);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> ids = (Set<UUID>) transactions.getResource(this);
        if (ids == null) {
            Set<UUID> changed = new HashSet<>();
            transactions.putResource(this, changed);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    changed.forEach(CustomerReadCache.this::evict);
                }
            });
            ids = changed;
        }
        ids.add(id);
    }

    /** Drops everything. */
    public void clear() {
        if (entries == null) {
            return;
        }
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** The listener listens: every later commit will be reported, so the cache may answer (from empty). */
    void startListening() {
        clear();
        listening = entries != null;
    }

    /** The listener lost its connection: changes may go unreported, so the cache stops answering. */
    void stopListening() {
        listening = false;
        clear();
    }

    private static int stripe(UUID id) {
        return id.hashCode() & (STRIPES - 1);
    }
}
