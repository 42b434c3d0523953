package com.lendkeep.loan.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.CloseOfBusinessRun;
import com.lendkeep.loan.repository.CloseOfBusinessRunRepository;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Close of business: moves the business date, then closes the loans it may change in chunks of
 * {@code loan.close-of-business.chunk-size}, one transaction each ({@link CloseOfBusinessChunk}), so
 * that a book of a million loans is never one transaction. A run a crash interrupted is finished
 * (with the loans it had not closed yet, and no other) before anything else: by the next close of
 * business, by the scheduler, or by asking for the same date again.
 * <p>
 * Between the first transaction and the last chunk the business date is already the new one while
 * some loans are not closed yet: an operation on such a loan closes that loan's day itself first
 * ({@link CloseOfBusinessCatchUp}), and the run's chunk then skips it.
 */
@ApplicationScoped
public class CloseOfBusiness {

    public record Outcome(LocalDate previousDate, LocalDate date, int missedPayments, int lateFeesCharged, int delinquencyChanges,
            int chargedOff, String triggeredBy, Instant closedAt) {
    }

    /** Fired after each chunk committed (observed by tests that stop a run half-way, as a crash would). */
    public record ChunkClosed(long runId, int chunk, int loans) {
    }

    private final CloseOfBusinessChunk chunks;
    private final CloseOfBusinessRunRepository runs;
    private final BusinessCalendar calendar;
    private final Event<ChunkClosed> chunkClosed;
    private final int chunkSize;

    public CloseOfBusiness(CloseOfBusinessChunk chunks, CloseOfBusinessRunRepository runs, BusinessCalendar calendar,
            Event<ChunkClosed> chunkClosed, LoanConfig config) {
        this.chunks = chunks;
        this.runs = runs;
        this.calendar = calendar;
        this.chunkClosed = chunkClosed;
        this.chunkSize = config.closeOfBusiness().chunkSize();
    }

    /** Closes the business day up to {@code date}; an interrupted run is finished first. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome advanceTo(LocalDate date, String triggeredBy) {
        Optional<Outcome> resumed = resumeUnfinished();
        if (resumed.isPresent() && resumed.get().date().equals(date)) {
            return resumed.get();
        }
        return complete(chunks.start(date, triggeredBy));
    }

    /** Finishes the run a crash left unfinished, if any. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Outcome> resumeUnfinished() {
        Optional<Long> unfinished = QuarkusTransaction.requiringNew().call(() -> runs.unfinished().map(r -> r.id));
        unfinished.ifPresent(id -> Log.infof("close of business run %d was interrupted: resuming it", id));
        return unfinished.map(this::complete);
    }

    /** The last close of business, or the date alone if none has run. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outcome last() {
        LocalDate today = calendar.today();
        return runs.latest().filter(r -> r.businessDate.equals(today)).map(CloseOfBusiness::outcome)
                .orElse(new Outcome(null, today, 0, 0, 0, 0, null, null));
    }

    private Outcome complete(long runId) {
        int chunk = 0;
        CloseOfBusinessChunk.Chunk closed = new CloseOfBusinessChunk.Chunk(0, new UUID(0L, 0L)); // the nil UUID sorts first in PostgreSQL
        while ((closed = chunks.closeChunk(runId, chunkSize, closed.last())).loans() > 0) {
            chunkClosed.fire(new ChunkClosed(runId, ++chunk, closed.loans()));
        }
        CloseOfBusinessRun run = chunks.finish(runId);
        Log.infof("close of business %s -> %s (%s): %d loans closed in %d chunks, %d missed payments, %d bucket moves, %d charged off, "
                + "%d ms", run.previousDate, run.businessDate, run.triggeredBy, run.loansClosed, run.chunks, run.missedPayments,
                run.delinquencyChanges, run.chargedOff, run.finishedAt.toEpochMilli() - run.startedAt.toEpochMilli());
        return outcome(run);
    }

    private static Outcome outcome(CloseOfBusinessRun run) {
        return new Outcome(run.previousDate, run.businessDate, run.missedPayments, run.lateFeesCharged, run.delinquencyChanges,
                run.chargedOff, run.triggeredBy, run.finishedAt);
    }
}
