package com.lendkeep.loan.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.lendkeep.loan.domain.Loan;

/**
 * Operations on a loan while a close of business runs. The run moves the business date first, then
 * closes the queued loans chunk by chunk: in between, a loan still queued is on the new date with its
 * day not yet closed (an installment due before the date not yet missed, no late fee, the old
 * bucket). An operation that reaches such a loan before the run does closes the loan's day itself, in
 * its own transaction, exactly as the run's chunk would have ({@link CloseOfBusinessDay}), like the
 * "inline close of business" of core banking systems (Apache Fineract's inline loan COB): nothing is
 * refused and nothing waits for the whole run. The run's chunk then skips the loan
 * ({@code close_of_business_inline}), so no day is closed twice, and the run's counts include it.
 * <p>
 * Locks: the loan row first, then only reads of the queue (never its rows' locks, which a chunk takes
 * before the loan's: waiting for them while holding the loan could deadlock with that chunk).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CloseOfBusinessCatchUp {

    /** The running close of business whose day the locked loan has not had closed yet. */
    public record Pending(long runId, LocalDate date, String triggeredBy) {
    }

    private final EntityManager em;
    private final CloseOfBusinessDay day;

    public CloseOfBusinessCatchUp(EntityManager em, CloseOfBusinessDay day) {
        this.em = em;
        this.day = day;
    }

    /**
     * Locks the loan and, if the running close has not closed its day yet, closes it first; then
     * loads it. For operations dated the business date (modifications, reversals, charge-offs): they
     * come after the day's close. Null if there is no such loan.
     */
    public Loan lockClosed(UUID loanId) {
        Optional<Pending> pending = lock(loanId);
        pending.ifPresent(p -> close(loanId, p));
        return loaded(loanId, pending.isPresent());
    }

    /** The locked loan as the database has it now (refreshed if Hibernate held it from before a close made here). */
    public Loan loaded(UUID loanId, boolean closedHere) {
        Loan loan = em.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE);
        if (loan != null && closedHere) {
            em.refresh(loan);
        }
        return loan;
    }

    /**
     * Locks the loan row (before Hibernate loads it, so that a close made here is what it loads) and
     * says whether the running close of business has still to close its day: the loan is ACTIVE,
     * queued in the unfinished run, and no operation closed it for that run yet. Read after the
     * lock: a chunk holding the loan has committed (and taken it off the queue) by then.
     */
    public Optional<Pending> lock(UUID loanId) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT status = 'ACTIVE' FROM loan WHERE id = ? FOR UPDATE")) {
                st.setObject(1, loanId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT r.id, r.business_date, r.triggered_by
                    FROM close_of_business_queue q JOIN close_of_business_run r ON r.id = q.run_id
                    WHERE q.loan_id = ? AND r.finished_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM close_of_business_inline x WHERE x.run_id = q.run_id AND x.loan_id = q.loan_id)""")) {
                st.setObject(1, loanId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Pending(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)))
                            : Optional.<Pending> empty();
                }
            }
        });
    }

    /**
     * Closes the pending day of the locked, ACTIVE loan and records it for the run. The statements
     * work on the database's rows: the persistence context is flushed first, and a caller that holds
     * the loan refreshes it after ({@link #loaded}).
     */
    public void close(UUID loanId, Pending pending) {
        em.flush();
        CloseOfBusinessDay.Closed closed = day.close(List.of(loanId), pending.date(), pending.triggeredBy());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO close_of_business_inline (run_id, loan_id, missed_payments, late_fees_charged, delinquency_changes,
                                                          charged_off, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                st.setLong(1, pending.runId());
                st.setObject(2, loanId);
                st.setInt(3, closed.missed().size());
                st.setInt(4, closed.lateFeesCharged());
                st.setInt(5, closed.moves().size());
                st.setInt(6, closed.chargedOff().size());
                st.setTimestamp(7, Timestamp.from(Instant.now()));
                st.executeUpdate();
            }
        });
    }
}
