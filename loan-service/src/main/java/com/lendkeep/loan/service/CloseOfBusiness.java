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
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.repository.CloseOfBusinessRunRepository;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

import io.quarkus.logging.Log;

/**
 * Close of business: moves the business date and, in the same transaction, for the whole book:
 * <ol>
 * <li>locks the loans it may change, in id order (repayments and modifications lock the same rows,
 * so they wait for it or it waits for them; the fixed order cannot deadlock);</li>
 * <li>marks OVERDUE every PENDING installment with something unpaid whose due date plus the grace
 * days is before the new date, charges the loan's late fee on it, and emits PAYMENT_MISSED;</li>
 * <li>puts every delinquent loan in the bucket its days past due give, records each move and emits
 * DELINQUENCY_CHANGED;</li>
 * <li>charges off the loans at or past the charge-off threshold (LOAN_CLOSED, CHARGED_OFF).</li>
 * </ol>
 * Each step is one statement over all the loans (no query per loan); only the events are one row
 * each, in the outbox.
 */
@ApplicationScoped
@Transactional
public class CloseOfBusiness {

    public record Outcome(LocalDate previousDate, LocalDate date, int missedPayments, int lateFeesCharged, int delinquencyChanges,
            int chargedOff, String triggeredBy, Instant closedAt) {
    }

    private record Missed(UUID loanId, UUID customerId, int seq, LocalDate dueDate, BigDecimal amountDue, boolean feeCharged,
            int consecutive, BigDecimal outstanding) {
    }

    private record Standing(UUID loanId, UUID customerId, String bucket, LocalDate oldestOverdue, BigDecimal overdue) {
    }

    private record Move(Standing loan, String bucket, int daysPastDue) {
    }

    private final BusinessCalendar calendar;
    private final EntityManager em;
    private final Outbox outbox;
    private final DelinquencyService delinquency;
    private final ChargeOffService chargeOffs;
    private final CloseOfBusinessRunRepository runs;
    private final LoanConfig config;

    public CloseOfBusiness(BusinessCalendar calendar, EntityManager em, Outbox outbox, DelinquencyService delinquency,
            ChargeOffService chargeOffs, CloseOfBusinessRunRepository runs, LoanConfig config) {
        this.calendar = calendar;
        this.em = em;
        this.outbox = outbox;
        this.delinquency = delinquency;
        this.chargeOffs = chargeOffs;
        this.runs = runs;
        this.config = config;
    }

    public Outcome advanceTo(LocalDate date, String triggeredBy) {
        Instant started = Instant.now();
        BusinessDate row = calendar.lock();
        LocalDate previous = row.current;
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
        em.flush();
        LocalDate cutoff = date.minusDays(config.delinquency().graceDays());
        Session session = em.unwrap(Session.class);

        List<UUID> loans = session.doReturningWork(c -> lockAffectedLoans(c, cutoff));
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

        for (Missed m : missed) {
            outbox.publish(EventType.PAYMENT_MISSED, m.customerId(), new Payloads.PaymentMissed(m.loanId(), m.seq(), m.dueDate(),
                    m.amountDue(), (int) ChronoUnit.DAYS.between(m.dueDate(), date), m.consecutive(), m.outstanding()));
        }
        for (Move m : moves) {
            outbox.publish(EventType.DELINQUENCY_CHANGED, m.loan().customerId(), new Payloads.DelinquencyChanged(m.loan().loanId(),
                    m.loan().bucket(), m.bucket(), m.daysPastDue(), m.loan().overdue()));
        }
        List<ChargeOffService.ChargedOff> chargedOff = chargeOffs.chargeOff(toChargeOff, date,
                "days past due reached " + threshold + " at close of business", triggeredBy);

        CloseOfBusinessRun run = new CloseOfBusinessRun();
        run.previousDate = previous;
        run.businessDate = date;
        run.triggeredBy = triggeredBy;
        run.missedPayments = missed.size();
        run.lateFeesCharged = (int) missed.stream().filter(Missed::feeCharged).count();
        run.delinquencyChanges = moves.size();
        run.chargedOff = chargedOff.size();
        run.startedAt = started;
        run.finishedAt = Instant.now();
        runs.persist(run);
        Log.infof("close of business %s -> %s (%s): %d loans examined, %d missed payments, %d bucket moves, %d charged off",
                previous, date, triggeredBy, loans.size(), run.missedPayments, run.delinquencyChanges, run.chargedOff);
        return outcome(run);
    }

    /** The last close of business, or the date alone if none has run. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outcome last() {
        LocalDate today = calendar.today();
        return runs.latest().filter(r -> r.businessDate.equals(today)).map(CloseOfBusiness::outcome)
                .orElse(new Outcome(null, today, 0, 0, 0, 0, null, null));
    }

    private static Outcome outcome(CloseOfBusinessRun run) {
        return new Outcome(run.previousDate, run.businessDate, run.missedPayments, run.lateFeesCharged, run.delinquencyChanges,
                run.chargedOff, run.triggeredBy, run.finishedAt);
    }

    /** Active loans with an installment that is overdue or may become so, locked in id order. */
    private static List<UUID> lockAffectedLoans(Connection c, LocalDate cutoff) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT l.id FROM loan l
                WHERE l.status = 'ACTIVE'
                  AND (l.delinquency_bucket IS NOT NULL
                       OR EXISTS (SELECT 1 FROM installment i WHERE i.loan_id = l.id AND i.status = 'OVERDUE')
                       OR EXISTS (SELECT 1 FROM installment i WHERE i.loan_id = l.id AND i.status = 'PENDING' AND i.due_date < ?))
                ORDER BY l.id
                FOR UPDATE""")) {
            st.setDate(1, Date.valueOf(cutoff));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /**
     * PENDING installments past their due date plus grace, with something to pay, become OVERDUE
     * and take the loan's late fee. {@code consecutive} counts the loan's OVERDUE installments up to
     * this one: those overdue before (the statement's snapshot) plus those marked now.
     */
    private static List<Missed> markOverdue(Connection c, List<UUID> loans, LocalDate cutoff) throws SQLException {
        List<Missed> missed = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                WITH marked AS (
                    UPDATE installment i
                    SET status = 'OVERDUE', fee_due = i.fee_due + l.late_fee, version = i.version + 1
                    FROM loan l
                    WHERE l.id = i.loan_id AND i.loan_id = ANY (?) AND i.status = 'PENDING' AND i.due_date < ?
                      AND i.principal_due + i.interest_due + i.fee_due - i.principal_paid - i.interest_paid - i.fee_paid > 0
                    RETURNING i.loan_id, l.customer_id, i.seq, i.due_date, l.late_fee,
                              i.principal_due + i.interest_due - i.principal_paid - i.interest_paid AS amount_due
                )
                SELECT m.loan_id, m.customer_id, m.seq, m.due_date, m.amount_due, m.late_fee > 0,
                       (SELECT count(*) FROM installment o WHERE o.loan_id = m.loan_id AND o.status = 'OVERDUE' AND o.seq <= m.seq)
                         + (SELECT count(*) FROM marked n WHERE n.loan_id = m.loan_id AND n.seq <= m.seq),
                       (SELECT sum(p.principal_due - p.principal_paid) FROM installment p WHERE p.loan_id = m.loan_id)
                FROM marked m
                ORDER BY m.due_date, m.loan_id, m.seq""")) {
            st.setArray(1, c.createArrayOf("uuid", loans.toArray()));
            st.setDate(2, Date.valueOf(cutoff));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missed.add(new Missed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                            rs.getDate(4).toLocalDate(), rs.getBigDecimal(5), rs.getBoolean(6), rs.getInt(7), rs.getBigDecimal(8)));
                }
            }
        }
        return missed;
    }

    /** Each loan's current bucket, oldest overdue due date and overdue amount (fees included). */
    private static List<Standing> standings(Connection c, List<UUID> loans) throws SQLException {
        List<Standing> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT l.id, l.customer_id, l.delinquency_bucket,
                       min(i.due_date) FILTER (WHERE i.status = 'OVERDUE'),
                       coalesce(sum(i.principal_due + i.interest_due + i.fee_due - i.principal_paid - i.interest_paid - i.fee_paid)
                                FILTER (WHERE i.status = 'OVERDUE'), 0)
                FROM loan l LEFT JOIN installment i ON i.loan_id = l.id
                WHERE l.id = ANY (?)
                GROUP BY l.id, l.customer_id, l.delinquency_bucket
                ORDER BY l.id""")) {
            st.setArray(1, c.createArrayOf("uuid", loans.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Date oldest = rs.getDate(4);
                    out.add(new Standing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            oldest == null ? null : oldest.toLocalDate(), rs.getBigDecimal(5).setScale(2)));
                }
            }
        }
        return out;
    }

    private static void recordMoves(Connection c, List<Move> moves, LocalDate date) throws SQLException {
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
