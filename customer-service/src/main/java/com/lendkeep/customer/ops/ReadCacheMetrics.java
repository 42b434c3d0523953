package com.lendkeep.customer.ops;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code lendkeep_customer_read_cache_requests_total{result}} (docs/operations.md): reads of
 * {@code GET /customers/{id}} answered from memory ({@code hit}), loaded and kept ({@code miss}),
 * or loaded while the cache does not answer ({@code bypass}: disabled, or its change listener is
 * not listening). A hit ratio that falls to zero with bypasses rising means the listener is down.
 */
@Startup // the series exist (at zero) from the first scrape
@ApplicationScoped
public class ReadCacheMetrics {

    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    public ReadCacheMetrics(MeterRegistry registry) {
        hits = counter(registry, "hit");
        misses = counter(registry, "miss");
        bypasses = counter(registry, "bypass");
    }

    public void hit() {
        hits.increment();
    }

    public void miss() {
        misses.increment();
    }

    public void bypass() {
        bypasses.increment();
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("lendkeep.customer.read.cache.requests").tag("result", result)
                .description("Customer profile reads by how the read cache answered them").register(registry);
    }
}
