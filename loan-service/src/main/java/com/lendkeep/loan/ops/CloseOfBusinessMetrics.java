package com.lendkeep.loan.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.lendkeep.loan.service.CloseOfBusiness;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code lendkeep_loan_cob_loans_processed_total} (docs/operations.md): loans closed by close of
 * business on this instance, counted as each chunk commits (so a long run moves it while it runs,
 * and a run resumed after a crash counts only the loans it closes).
 */
@Startup
@ApplicationScoped
public class CloseOfBusinessMetrics {

    private final Counter loansProcessed;

    public CloseOfBusinessMetrics(MeterRegistry registry) {
        loansProcessed = Counter.builder("lendkeep.loan.cob.loans.processed")
                .description("Loans closed by close of business, chunk by chunk").register(registry);
    }

    void onChunk(@Observes CloseOfBusiness.ChunkClosed chunk) {
        loansProcessed.increment(chunk.loans());
    }
}
