package com.lendkeep.loan.service;

import static com.lendkeep.loan.service.CloseOfBusinessStatements.lockNext;
import static com.lendkeep.loan.service.CloseOfBusinessStatements.markOverdue;
import static com.lendkeep.loan.service.CloseOfBusinessStatements.recordMoves;
import static com.lendkeep.loan.service.CloseOfBusinessStatements.standings;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.BusinessDate;
import com.lendkeep.loan.domain.CloseOfBusinessRun;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Missed;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Move;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Standing;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * The transactions of a close of business ({@link CloseOfBusiness} runs them one after the other),
 * each in a transaction of its own:
 * <ol>
 * <li>{@link #start}: moves the business date (BUSINESS_DATE_CHANGED), records the run and queues
 * every active loan the close may change;</li>
 * <li>{@link #closeChunk}, as often as there are queued loans: locks the next loans of the queue in
 * id order (repayments and modifications lock the same rows, so they wait for the chunk or it waits
 * for them; the fixed order cannot deadlock), marks OVERDUE every PENDING installment with something
 * unpaid whose due date plus the grace days is before the date, charges the loan's late fee on it
 * (PAYMENT_MISSED), puts every loan in the bucket its days past due give (DELINQUENCY_CHANGED),
 * charges off the loans at or past the threshold (LOAN_CLOSED), adds its counts to the run and
 * takes the loans off the queue. A crash loses at most the chunk in progress, which rolls back as a
 * whole; the loans it held are still queued, the others are not: no loan's day is closed twice;</li>
 * <li>{@link #finish}: marks the run finished.</li>
 * </ol>
 * Each step of a chunk is one statement over the chunk's loans (no query per loan); only the events
 * are one row each, in the outbox.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CloseOfBusinessChunk {

    private final BusinessCalendar calendar;
    private final EntityManager em;
    private final Outbox outbox;
    private final DelinquencyService delinquency;
    private final ChargeOffService chargeOffs;
    private final LoanConfig config;

    public CloseOfBusinessChunk(BusinessCalendar calendar, EntityManager em, Outbox outbox, DelinquencyService delinquency,
            ChargeOffService chargeOffs, LoanConfig config) {
        this.calendar = calendar;
        this.em = em;
        this.outbox = outbox;
        this.delinquency = delinquency;
        this.chargeOffs = chargeOffs;
        this.config = config;
    }

    /** Moves the business date to {@code date}, records the run and queues its loans; returns the run's id. */
    public long start(LocalDate date, String triggeredBy) {
        BusinessDate row = calendar.lock();
        LocalDate previous = row.current;
        Long running = em.createQuery("select r.id from CloseOfBusinessRun r where r.finishedAt is null", Long.class).getResultStream()
                .findFirst().orElse(null);
        if (running != null) {
            // another request or instance started one after this one looked: it is closing the book now
            throw ApiException.conflict("close of business run " + running + " to " + previous + " is still running: ask again when "
                    + "it has finished (GET /business-date)");
        }
        if (date.isBefore(previous)) {
            throw ApiException.badRequest("date", "the business date cannot go back: it is " + previous + ", asked " + date);
        }
        if (date.isAfter(previous.plusYears(5))) {
            throw ApiException.badRequest("date", "advance at most 5 years at a time (from " + previous + ")");
        }
        calendar.set(row, date);
        if (!date.equals(previous)) {
            // consumers take the system's date from this event (and from every event's envelope)
            outbox.publish(EventType.BUSINESS_DATE_CHANGED, EventEnvelope.SYSTEM_CUSTOMER_ID,
                    new Payloads.BusinessDateChanged(date, previous));
        }
        CloseOfBusinessRun run = new CloseOfBusinessRun();
        run.previousDate = previous;
        run.businessDate = date;
        run.triggeredBy = triggeredBy;
        run.startedAt = Instant.now();
        em.persist(run);
        em.flush();
        LocalDate cutoff = cutoff(date);
        em.unwrap(Session.class).doWork(c -> {
            // one statement over the whole book: longer than the connection's socket timeout for a million loans
            int socketTimeout = c.getNetworkTimeout();
            c.setNetworkTimeout(Runnable::run, (int) java.time.Duration.ofMinutes(30).toMillis());
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO close_of_business_queue (run_id, loan_id)
                    SELECT ?, l.id FROM loan l
                    WHERE l.status = 'ACTIVE'
                      AND (l.delinquency_bucket IS NOT NULL
                           OR EXISTS (SELECT 1 FROM installment i WHERE i.loan_id = l.id AND i.status = 'OVERDUE')
                           OR EXISTS (SELECT 1 FROM installment i WHERE i.loan_id = l.id AND i.status = 'PENDING' AND i.due_date < ?))""")) {
                st.setLong(1, run.id);
                st.setDate(2, Date.valueOf(cutoff));
                st.executeUpdate();
            } finally {
                c.setNetworkTimeout(Runnable::run, socketTimeout);
            }
        });
        return run.id;
    }

    /** What a chunk took off the queue: how many loans (0: none left), and the last of them in id order. */
    public record Chunk(int loans, UUID last) {
    }

    /**
     * Closes the next {@code size} queued loans of the run after {@code after} in id order (the
     * queue's index then never walks over the entries earlier chunks deleted).
     */
    public Chunk closeChunk(long runId, int size, UUID after) {
        CloseOfBusinessRun run = em.find(CloseOfBusinessRun.class, runId);
        LocalDate date = run.businessDate;
        Session session = em.unwrap(Session.class);
        List<UUID> queued = new ArrayList<>();
        List<UUID> loans = session.doReturningWork(c -> lockNext(c, runId, size, after, queued));
        if (queued.isEmpty()) {
            return new Chunk(0, after);
        }
        LocalDate cutoff = cutoff(date);
        List<Missed> missed = loans.isEmpty() ? List.of() : session.doReturningWork(c -> markOverdue(c, loans, cutoff));
        List<Standing> standings = loans.isEmpty() ? List.of() : session.doReturningWork(c -> standings(c, loans));
        List<Move> moves = new ArrayList<>();
        List<UUID> toChargeOff = new ArrayList<>();
        int threshold = config.chargeOff().daysPastDue();
        for (Standing s : standings) {
            int dpd = s.oldestOverdue() == null ? 0 : (int) ChronoUnit.DAYS.between(s.oldestOverdue(), date);
            String bucket = delinquency.buckets().classify(dpd);
            if (!Objects.equals(bucket, s.bucket())) {
                moves.add(new Move(s, bucket, dpd));
            }
            if (threshold > 0 && dpd >= threshold) {
                toChargeOff.add(s.loanId());
            }
        }
        if (!moves.isEmpty()) {
            session.doWork(c -> recordMoves(c, moves, date));
        }
        // PAYMENT_MISSED first, then DELINQUENCY_CHANGED, as one batch
        List<Outbox.Pending> events = new ArrayList<>(missed.size() + moves.size());
        for (Missed m : missed) {
            events.add(new Outbox.Pending(EventType.PAYMENT_MISSED, m.customerId(), new Payloads.PaymentMissed(m.loanId(), m.seq(),
                    m.dueDate(), m.amountDue(), (int) ChronoUnit.DAYS.between(m.dueDate(), date), m.consecutive(), m.outstanding(),
                    m.feesOutstanding())));
        }
        for (Move m : moves) {
            events.add(new Outbox.Pending(EventType.DELINQUENCY_CHANGED, m.loan().customerId(), new Payloads.DelinquencyChanged(
                    m.loan().loanId(), m.loan().bucket(), m.bucket(), m.daysPastDue(), m.loan().overdue(), m.loan().feesOutstanding())));
        }
        outbox.publishAll(events);
        List<ChargeOffService.ChargedOff> chargedOff = chargeOffs.chargeOff(toChargeOff, date,
                "days past due reached " + threshold + " at close of business", run.triggeredBy);
        session.doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM close_of_business_queue WHERE run_id = ? AND loan_id = ANY (?)")) {
                st.setLong(1, runId);
                st.setArray(2, c.createArrayOf("uuid", queued.toArray()));
                st.executeUpdate();
            }
        });
        run.missedPayments += missed.size();
        run.lateFeesCharged += (int) missed.stream().filter(Missed::feeCharged).count();
        run.delinquencyChanges += moves.size();
        run.chargedOff += chargedOff.size();
        run.loansClosed += loans.size();
        run.chunks++;
        return new Chunk(queued.size(), queued.get(queued.size() - 1));
    }

    /** Marks the run finished. */
    public CloseOfBusinessRun finish(long runId) {
        CloseOfBusinessRun run = em.find(CloseOfBusinessRun.class, runId);
        run.finishedAt = Instant.now();
        return run;
    }

    private LocalDate cutoff(LocalDate date) {
        return date.minusDays(config.delinquency().graceDays());
    }
}
