package com.lendkeep.customer.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.repository.CustomerRepository;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tenure grows and contacts leave the 12-month window without any event: once a day every customer
 * not yet assessed today is re-assessed (each in its own transaction, so one failure stops nothing).
 * Several instances may run it at once: the row lock serializes them and an unchanged value emits
 * nothing, so the only cost is duplicate work.
 */
@ApplicationScoped
public class AssessmentJob {

    private static final UUID FIRST = new UUID(0, 0);

    private final CustomerRepository customers;
    private final AssessmentService assessments;
    private final int batchSize;

    public AssessmentJob(CustomerRepository customers, AssessmentService assessments, CustomerConfig config) {
        this.customers = customers;
        this.assessments = assessments;
        this.batchSize = config.reassess().batchSize();
    }

    @Scheduled(identity = "customer-reassess", cron = "${customer.reassess.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int done = reassessStale();
        Log.infof("daily re-assessment: %d customer(s) re-assessed", done);
    }

    /** Re-assesses every customer last assessed before today (UTC); returns how many were. */
    public int reassessStale() {
        Instant startOfToday = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        UUID after = FIRST;
        int done = 0;
        while (true) {
            UUID from = after;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> customers.staleAssessments(startOfToday, from, batchSize));
            for (UUID id : ids) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> assessments.reassess(id));
                    done++;
                } catch (RuntimeException e) {
                    // ids only: the exception chain may quote profile values
                    Log.warnf("daily re-assessment of customer %s failed (%s); retried tomorrow", id, e.getClass().getSimpleName());
                }
            }
            if (ids.size() < batchSize) {
                return done;
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
