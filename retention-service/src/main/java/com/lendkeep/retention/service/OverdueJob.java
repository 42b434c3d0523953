package com.lendkeep.retention.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled checks that keep nothing waiting for good: overdue approvals and tasks are escalated,
 * and alert cases whose loan never arrived stop waiting after {@code retention.cases.loan-wait}.
 */
@ApplicationScoped
public class OverdueJob {

    private final OverdueService overdue;
    private final ProposalService proposals;
    private final com.lendkeep.retention.config.RetentionConfig config;
    private final Clock clock;

    public OverdueJob(OverdueService overdue, ProposalService proposals,
            com.lendkeep.retention.config.RetentionConfig config, Clock clock) {
        this.overdue = overdue;
        this.proposals = proposals;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${retention.overdue.check-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        List<UUID> escalated = overdue.escalate(clock.instant());
        if (!escalated.isEmpty()) {
            Log.infof("escalated %d overdue approval(s) and task(s)", escalated.size());
        }
        List<UUID> stopped = stopWaiting(clock.instant().minus(config.cases().loanWait()));
        if (!stopped.isEmpty()) {
            Log.infof("%d alert case(s) stopped waiting for their loan's LOAN_OPENED", stopped.size());
        }
    }

    /** Cases received before {@code before} and still waiting for their loan: decided on what is known, one transaction each. */
    public List<UUID> stopWaiting(java.time.Instant before) {
        List<UUID> stopped = new java.util.ArrayList<>();
        for (UUID alertId : proposals.waitingSince(before, 1_000)) {
            if (proposals.stopWaitingNow(alertId)) {
                stopped.add(alertId);
            }
        }
        return stopped;
    }
}
