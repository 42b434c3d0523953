package com.lendkeep.loan.service;

import static com.lendkeep.loan.service.CloseOfBusinessStatements.lockNext;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.lendkeep.loan.domain.BusinessDate;
import com.lendkeep.loan.domain.CloseOfBusinessRun;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Missed;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Move;
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
    private final CloseOfBusinessDay day;

    public CloseOfBusinessChunk(BusinessCalendar calendar, EntityManager em, Outbox outbox, CloseOfBusinessDay day) {
        this.calendar = calendar;
        this.em = em;
        this.outbox = outbox;
        this.day = day;
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
        LocalDate cutoff = day.cutoff(date);
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
        loans.removeAll(session.doReturningWork(c -> closedInline(c, runId, loans)));
        CloseOfBusinessDay.Closed closed = day.close(loans, date, run.triggeredBy);
        List<Missed> missed = closed.missed();
        List<Move> moves = closed.moves();
        List<ChargeOffService.ChargedOff> chargedOff = closed.chargedOff();
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

    /** Marks the run finished, with the counts of the loans operations closed inline added to the chunks'. */
    public CloseOfBusinessRun finish(long runId) {
        CloseOfBusinessRun run = em.find(CloseOfBusinessRun.class, runId);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT count(*), coalesce(sum(missed_payments), 0), coalesce(sum(late_fees_charged), 0),
                           coalesce(sum(delinquency_changes), 0), coalesce(sum(charged_off), 0)
                    FROM close_of_business_inline WHERE run_id = ?""")) {
                st.setLong(1, runId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    run.loansClosed += rs.getInt(1);
                    run.missedPayments += rs.getInt(2);
                    run.lateFeesCharged += rs.getInt(3);
                    run.delinquencyChanges += rs.getInt(4);
                    run.chargedOff += rs.getInt(5);
                }
            }
        });
        run.finishedAt = Instant.now();
        return run;
    }

    /**
     * The loans of the chunk an operation already closed for this run ({@link CloseOfBusinessCatchUp}).
     * Read after the chunk locked them: an operation still closing one holds its lock, so every such
     * close has committed by now and this new statement sees it.
     */
    private static List<UUID> closedInline(Connection c, long runId, List<UUID> loans) throws SQLException {
        List<UUID> closed = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT loan_id FROM close_of_business_inline WHERE run_id = ? AND loan_id = ANY (?)")) {
            st.setLong(1, runId);
            st.setArray(2, c.createArrayOf("uuid", loans.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    closed.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return closed;
    }
}
