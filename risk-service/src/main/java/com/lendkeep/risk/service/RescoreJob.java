package com.lendkeep.risk.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.repository.FeatureStore;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps scores and alerts current while no event arrives: every run re-scores, in batches of one
 * transaction each, only the customers whose re-score date ({@link RescorePlanner}) has come by the
 * business date. A batch that fails rolls back whole: its customers keep their date and are taken
 * again by the next run, so nothing is lost. Rows an event batch holds are skipped (that batch scores them).
 */
@ApplicationScoped
public class RescoreJob {

    public static final String CAUSE = "SCHEDULED_RESCORE";

    private final FeatureStore store;
    private final RiskService risk;
    private final BusinessCalendar calendar;
    private final RiskConfig.Rescore config;

    public RescoreJob(FeatureStore store, RiskService risk, BusinessCalendar calendar, RiskConfig config) {
        this.store = store;
        this.risk = risk;
        this.calendar = calendar;
        this.config = config.rescore();
    }

    @Scheduled(every = "${risk.rescore.every:60s}", delayed = "${risk.rescore.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            Log.warnf(e, "scheduled re-score failed; its customers keep their re-score date and are retried next run");
        }
    }

    /** One run: returns how many customers were re-scored. */
    public int runOnce() {
        int total = 0;
        for (int batch = 0; batch < config.maxBatchesPerRun(); batch++) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                LocalDate today = calendar.refresh();
                List<UUID> due = store.dueForRescore(today != null ? today : LocalDate.now(), config.batchSize());
                if (due.isEmpty()) {
                    return 0;
                }
                risk.rescore(new ArrayList<>(store.lockOrCreate(due).values()), Map.of(), CAUSE);
                return due.size();
            });
            total += done;
            if (done < config.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            Log.infof("scheduled re-score: %d customers whose signals had aged", total);
        }
        return total;
    }
}
