package com.lendkeep.platform.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Samples the outbox backlog, the business gauges and the consumer lag on one background thread, every interval. */
@ApplicationScoped
public class OpsSampler {

    private final OutboxBacklog outbox;
    private final ConsumerLag lag;
    private final TableGauges tables;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile String lastError;

    public OpsSampler(OutboxBacklog outbox, ConsumerLag lag, TableGauges tables,
            @ConfigProperty(name = "lendkeep.ops.sample-interval", defaultValue = "PT10S") Duration interval) {
        this.outbox = outbox;
        this.lag = lag;
        this.tables = tables;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("ops-sampler").daemon().unstarted(r));
        executor.scheduleWithFixedDelay(this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void sampleQuietly() {
        try {
            outbox.sample();
            tables.sample();
            lag.sample();
            lastError = null;
        } catch (Exception e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError)) {
                // the database or Kafka is down: their own health checks say so; the samples keep their last value
                Log.debugf("ops sample failed: %s", message);
            }
            lastError = message;
        }
    }
}
