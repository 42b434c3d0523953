package com.lendkeep.platform.ops;

import java.time.Duration;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * A few fixed latency buckets on the HTTP server timer, so that Prometheus can compute p95/p99
 * across instances (histogram_quantile) without the ~70 buckets of a full percentile histogram.
 */
@Singleton
public class HttpLatencyBuckets implements MeterFilter {

    private static final double[] SECONDS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5 };

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
            return config;
        }
        double[] nanos = new double[SECONDS.length];
        for (int i = 0; i < SECONDS.length; i++) {
            nanos[i] = Duration.ofMillis(Math.round(SECONDS[i] * 1000)).toNanos();
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
    }
}
