package com.lendkeep.retention.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Expires unanswered offers on a timer; POST /interventions/expire runs the same with a chosen time. */
@ApplicationScoped
public class ExpiryJob {

    private final InterventionService interventions;
    private final Clock clock;

    public ExpiryJob(InterventionService interventions, Clock clock) {
        this.interventions = interventions;
        this.clock = clock;
    }

    @Scheduled(every = "${retention.offers.expiry-every:15m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOffers() {
        List<UUID> expired = interventions.expire(clock.instant());
        if (!expired.isEmpty()) {
            Log.infof("expired %d unanswered offer(s)", expired.size());
        }
    }
}
