package com.lendkeep.risk.ops;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Timer;

/**
 * {@code lendkeep_risk_scoring_batch_seconds} (docs/operations.md): how long risk-service takes to
 * apply one batch of consumed events, from the customers' new state to their scores and alerts,
 * with a few buckets (10 ms .. 10 s) for its p95 across instances.
 */
@Startup // the series exist (at zero) from the first scrape
@ApplicationScoped
public class ScoringMetrics {

    private final Timer batch;

    public ScoringMetrics(MeterRegistry registry) {
        batch = Timer.builder("lendkeep.risk.scoring.batch")
                .description("Time to apply one batch of events: state, scores and alerts of its customers")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10))
                .register(registry);
    }

    /** Runs the scoring of one batch and records how long it took (also when it fails). */
    public void timeBatch(Runnable scoring) {
        batch.record(scoring);
    }
}
