package com.lendkeep.platform.ops;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness that means the pipeline moves: DOWN when the oldest unpublished outbox row is older
 * than {@code lendkeep.health.outbox-max-age} (the relay is stuck), or when a consumer group's lag
 * on a topic is above {@code lendkeep.health.max-consumer-lag} and grew at every one of the last
 * {@code lendkeep.health.lag-growth-samples} samples (it falls further behind).
 */
@Readiness
@ApplicationScoped
public class PipelineHealthCheck implements HealthCheck {

    private final OutboxBacklog outbox;
    private final ConsumerLag lag;
    private final Duration outboxMaxAge;
    private final long maxLag;

    public PipelineHealthCheck(OutboxBacklog outbox, ConsumerLag lag,
            @ConfigProperty(name = "lendkeep.health.outbox-max-age", defaultValue = "PT5M") Duration outboxMaxAge,
            @ConfigProperty(name = "lendkeep.health.max-consumer-lag", defaultValue = "100000") long maxLag) {
        this.outbox = outbox;
        this.lag = lag;
        this.outboxMaxAge = outboxMaxAge;
        this.maxLag = maxLag;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event pipeline").up()
                .withData("outbox pending", outbox.pending())
                .withData("outbox oldest pending seconds", Math.round(outbox.oldestAgeSeconds()));
        if (outbox.oldestAgeSeconds() > outboxMaxAge.toSeconds()) {
            response.down().withData("reason", "outbox relay stuck: oldest unpublished event is "
                    + Math.round(outbox.oldestAgeSeconds()) + " s old (limit " + outboxMaxAge.toSeconds() + " s)");
        }
        for (ConsumerLag.Trend trend : lag.trends()) {
            if (growingBeyondLimit(trend)) {
                response.down().withData("reason", "consumer group " + trend.group() + " falls behind on " + trend.topic()
                        + ": lag " + trend.samples().getLast() + " grew at each of the last " + lag.window() + " samples (limit " + maxLag + ")");
            }
        }
        return response.build();
    }

    boolean growingBeyondLimit(ConsumerLag.Trend trend) {
        var samples = trend.samples();
        if (samples.size() < lag.window() || samples.getLast() <= maxLag) {
            return false;
        }
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i) <= samples.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
