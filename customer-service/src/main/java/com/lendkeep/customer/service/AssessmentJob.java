package com.lendkeep.customer.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.repository.CustomerRepository;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tenure grows and contacts leave the 12-month window without any event, as the loan book's business
 * date moves: every customer assessed for an earlier date than the one in force is re-assessed (each
 * in its own transaction, so one failure stops nothing), shortly after the business date moves
 * ({@code customer.reassess.date-check}) and once a day (for the wall clock, while no business date is known).
 * Several instances may run it at once: the row lock serializes them and an unchanged value emits
 * nothing, so the only cost is duplicate work.
 */
@ApplicationScoped
public class AssessmentJob {

    private static final UUID FIRST = new UUID(0, 0);

    private final CustomerRepository customers;
    private final AssessmentService assessments;
    private final BusinessDateService businessDate;
    private final int batchSize;

    public AssessmentJob(CustomerRepository customers, AssessmentService assessments, BusinessDateService businessDate,
            CustomerConfig config) {
        this.customers = customers;
        this.assessments = assessments;
        this.businessDate = businessDate;
        this.batchSize = config.reassess().batchSize();
    }

    @Scheduled(identity = "customer-reassess", cron = "${customer.reassess.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int done = reassessStale();
        Log.infof("daily re-assessment: %d customer(s) re-assessed", done);
    }

    @Scheduled(identity = "customer-reassess-on-date-change", every = "${customer.reassess.date-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void afterBusinessDateMoved() {
        int done = reassessStale();
        if (done > 0) {
            Log.infof("re-assessment for the business date: %d customer(s) re-assessed", done);
        }
    }

    /** Re-assesses every customer assessed for a date before the business date (or today, without one); returns how many were. */
    public int reassessStale() {
        LocalDate today = QuarkusTransaction.requiringNew().call(() -> businessDate.today().date());
        UUID after = FIRST;
        int done = 0;
        while (true) {
            UUID from = after;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> customers.staleAssessments(today, from, batchSize));
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
