package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.lendkeep.loan.domain.DelinquencyHistory;

/** The statements of a close-of-business chunk ({@link CloseOfBusinessChunk}), each over all the chunk's loans at once. */
final class CloseOfBusinessStatements {

    record Missed(UUID loanId, UUID customerId, int seq, LocalDate dueDate, BigDecimal amountDue, boolean feeCharged,
            int consecutive, BigDecimal outstanding, BigDecimal feesOutstanding) {
    }

    record Standing(UUID loanId, UUID customerId, String bucket, LocalDate oldestOverdue, BigDecimal overdue,
            BigDecimal feesOutstanding) {
    }

    record Move(Standing loan, String bucket, int daysPastDue) {
    }

    private CloseOfBusinessStatements() {
    }

    /**
     * Locks the next queued loans in id order; {@code queued} receives every queued id taken (to be
     * taken off the queue), the answer only those still active (a repayment may have closed one since).
     * <p>
     * Two statements, each on its own index: the queue's entries (run, loan id) from {@code after},
     * then those loans by primary key. One join of the two let PostgreSQL's generic plan (a prepared
     * statement after five runs) merge-join the queue with the whole loan index from its first id,
     * so that every chunk walked all the loans before it: quadratic in the book (measured: a second
     * a chunk after 200,000 loans).
     */
    static List<UUID> lockNext(Connection c, long runId, int size, UUID after, List<UUID> queued) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT loan_id FROM close_of_business_queue
                WHERE run_id = ? AND loan_id > ?
                ORDER BY loan_id
                LIMIT ?
                FOR UPDATE""")) {
            st.setLong(1, runId);
            st.setObject(2, after);
            st.setInt(3, size);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    queued.add(rs.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> active = new ArrayList<>();
        if (queued.isEmpty()) {
            return active;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT id, status = 'ACTIVE' FROM loan WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            st.setArray(1, c.createArrayOf("uuid", queued.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        active.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return active;
    }

    /**
     * PENDING installments past their due date plus grace, with something to pay, become OVERDUE
     * and take the loan's late fee. {@code amountDue} is what is unpaid on the installment, its fees
     * (this late fee included) too, as in every other event; {@code feesOutstanding} the loan's unpaid fees. {@code consecutive} counts the loan's OVERDUE installments up to
     * this one: those overdue before (the statement's snapshot) plus those marked now. The loans'
     * sums are one aggregate over their installments and the counts of those marked now window
     * functions over them (a subquery per marked installment over all the marked ones was quadratic
     * in the chunk). Both sides of the update's join are bounded by the chunk's ids, and
     * {@code due_date + 0} keeps the index of open installments by due date out: PostgreSQL chose a
     * bitmap AND with it (reading its whole range before the date, every installment of the book
     * falling due, every chunk), or a hash join over every loan; either is a scan of the book per chunk.
     */
    static List<Missed> markOverdue(Connection c, List<UUID> loans, LocalDate cutoff) throws SQLException {
        List<Missed> missed = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                WITH marked AS (
                    UPDATE installment i
                    SET status = 'OVERDUE', fee_due = i.fee_due + l.late_fee, version = i.version + 1
                    FROM loan l
                    WHERE l.id = i.loan_id AND l.id = ANY (?) AND i.loan_id = ANY (?) AND i.status = 'PENDING' AND i.due_date + 0 < ?
                      AND i.principal_due + i.interest_due + i.fee_due - i.principal_paid - i.interest_paid - i.fee_paid > 0
                    RETURNING i.loan_id, l.customer_id, i.seq, i.due_date, l.late_fee,
                              i.principal_due + i.interest_due + i.fee_due - i.principal_paid - i.interest_paid - i.fee_paid AS amount_due
                )
                , before AS (
                    SELECT p.loan_id, sum(p.principal_due - p.principal_paid) AS principal, sum(p.fee_due - p.fee_paid) AS fees,
                           array_agg(p.seq) FILTER (WHERE p.status = 'OVERDUE') AS overdue
                    FROM installment p WHERE p.loan_id = ANY (?)
                    GROUP BY p.loan_id
                )
                SELECT m.loan_id, m.customer_id, m.seq, m.due_date, m.amount_due, m.late_fee > 0,
                       (SELECT count(*) FROM unnest(b.overdue) AS o(seq) WHERE o.seq <= m.seq)
                         + count(*) OVER (PARTITION BY m.loan_id ORDER BY m.seq),
                       b.principal,
                       b.fees + sum(m.late_fee) OVER (PARTITION BY m.loan_id)
                FROM marked m JOIN before b ON b.loan_id = m.loan_id
                ORDER BY m.due_date, m.loan_id, m.seq""")) {
            Array ids = c.createArrayOf("uuid", loans.toArray());
            st.setArray(1, ids);
            st.setArray(2, ids);
            st.setDate(3, Date.valueOf(cutoff));
            st.setArray(4, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missed.add(new Missed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                            rs.getDate(4).toLocalDate(), rs.getBigDecimal(5).setScale(2), rs.getBoolean(6), rs.getInt(7),
                            rs.getBigDecimal(8).setScale(2), rs.getBigDecimal(9).setScale(2)));
                }
            }
        }
        return missed;
    }

    /** Each loan's current bucket, oldest overdue due date and overdue amount (fees included). */
    static List<Standing> standings(Connection c, List<UUID> loans) throws SQLException {
        List<Standing> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT l.id, l.customer_id, l.delinquency_bucket,
                       min(i.due_date) FILTER (WHERE i.status = 'OVERDUE'),
                       coalesce(sum(i.principal_due + i.interest_due + i.fee_due - i.principal_paid - i.interest_paid - i.fee_paid)
                                FILTER (WHERE i.status = 'OVERDUE'), 0),
                       coalesce(sum(i.fee_due - i.fee_paid), 0)
                FROM loan l LEFT JOIN installment i ON i.loan_id = l.id
                WHERE l.id = ANY (?)
                GROUP BY l.id, l.customer_id, l.delinquency_bucket
                ORDER BY l.id""")) {
            st.setArray(1, c.createArrayOf("uuid", loans.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Date oldest = rs.getDate(4);
                    out.add(new Standing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            oldest == null ? null : oldest.toLocalDate(), rs.getBigDecimal(5).setScale(2), rs.getBigDecimal(6).setScale(2)));
                }
            }
        }
        return out;
    }

    static void recordMoves(Connection c, List<Move> moves, LocalDate date) throws SQLException {
        Array ids = c.createArrayOf("uuid", moves.stream().map(m -> m.loan().loanId()).toArray());
        Array buckets = c.createArrayOf("text", moves.stream().map(Move::bucket).toArray());
        try (PreparedStatement st = c.prepareStatement("""
                UPDATE loan l SET delinquency_bucket = m.bucket, version = l.version + 1
                FROM unnest(?::uuid[], ?::text[]) AS m(id, bucket)
                WHERE l.id = m.id""")) {
            st.setArray(1, ids);
            st.setArray(2, buckets);
            st.executeUpdate();
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO delinquency_history (loan_id, previous_bucket, new_bucket, days_past_due, overdue_amount,
                                                 business_date, trigger, created_at)
                SELECT h.id, h.previous, h.next, h.dpd, h.overdue, ?, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::numeric[]) AS h(id, previous, next, dpd, overdue)""")) {
            st.setDate(1, Date.valueOf(date));
            st.setString(2, DelinquencyHistory.Trigger.CLOSE_OF_BUSINESS.name());
            st.setTimestamp(3, now);
            st.setArray(4, ids);
            st.setArray(5, c.createArrayOf("text", moves.stream().map(m -> m.loan().bucket()).toArray()));
            st.setArray(6, buckets);
            st.setArray(7, c.createArrayOf("int4", moves.stream().map(Move::daysPastDue).toArray()));
            st.setArray(8, c.createArrayOf("numeric", moves.stream().map(m -> m.loan().overdue()).toArray()));
            st.executeUpdate();
        }
    }
}
