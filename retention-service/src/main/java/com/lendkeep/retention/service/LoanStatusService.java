package com.lendkeep.retention.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.LoanStatus;
import com.lendkeep.retention.repository.LoanStatusRepository;
import com.lendkeep.retention.rules.LoanTerms;
import com.lendkeep.retention.rules.Outcomes;

/**
 * Credit facts per loan from loan-events and repayment-events (docs/retention.md, "Outcomes"):
 * days past due, the day the loan reached default, distressed restructurings, unpaid fees and the
 * outstanding balance. Every event that names a loan counts, also for loans whose LOAN_OPENED never
 * arrived. {@code on} is the event's business date.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoanStatusService {

    private final LoanStatusRepository statuses;
    private final EntityManager em;
    private final RetentionConfig config;
    private final Clock clock;

    public LoanStatusService(LoanStatusRepository statuses, EntityManager em, RetentionConfig config, Clock clock) {
        this.statuses = statuses;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public void onDelinquencyChanged(UUID customerId, Payloads.DelinquencyChanged e, LocalDate on) {
        LoanStatus s = status(customerId, e.loanId(), on);
        observe(s, e.daysPastDue(), on);
        fees(s, e.feesOutstanding());
    }

    public void onPaymentMissed(UUID customerId, Payloads.PaymentMissed e, LocalDate on) {
        LoanStatus s = status(customerId, e.loanId(), on);
        observe(s, e.daysPastDue(), on);
        fees(s, e.feesOutstanding());
        s.outstanding = e.outstanding();
    }

    public void onRepaymentReversed(UUID customerId, Payloads.RepaymentReversed e, LocalDate on) {
        LoanStatus s = status(customerId, e.loanId(), on);
        observe(s, e.daysPastDue(), on);
        s.outstanding = e.outstanding();
    }

    /**
     * A payment stops the days-past-due clock on its date. Paid in full (the installment's amount due,
     * fees included), the loan is taken as current; a partial payment leaves the arrears running.
     */
    public void onRepayment(UUID customerId, Payloads.RepaymentReceived e, LocalDate on) {
        LoanStatus s = status(customerId, e.loanId(), on);
        crossing(s, e.daysPastDue(), e.paidOn());
        boolean settled = e.amountPaid().compareTo(e.amountDue()) >= 0;
        observe(s, settled ? 0 : grownTo(s, on), on);
        fees(s, e.feesOutstanding());
        s.outstanding = e.outstanding();
    }

    /** Distressed restructuring: a configured modification type whose concession is unknown or at least the configured share of the exposure. */
    public void onModified(UUID customerId, Payloads.LoanModified e, LocalDate on, LoanTerms terms) {
        LoanStatus s = status(customerId, e.loanId(), on);
        fees(s, e.feesOutstanding());
        if (!config.outcomes().distressedRestructuringTypes().contains(e.modificationType())) {
            return;
        }
        BigDecimal exposure = s.outstanding != null ? s.outstanding
                : terms == null || terms.closed() ? null : terms.positionAt(on).balance();
        boolean distressed = e.concession() == null
                || (exposure == null ? e.concession().signum() > 0
                        : e.concession().compareTo(exposure.multiply(config.outcomes().distressedMinConcessionShare())) >= 0);
        if (distressed && (s.distressedOn == null || on.isBefore(s.distressedOn))) {
            s.distressedOn = on;
        }
    }

    /** The loan's status row, created on first sight; locked for this transaction. */
    LoanStatus status(UUID customerId, UUID loanId, LocalDate on) {
        em.createNativeQuery("""
                INSERT INTO loan_status (loan_id, customer_id, first_seen_on, updated_at) VALUES (?1, ?2, ?3, now())
                ON CONFLICT (loan_id) DO NOTHING""")
                .setParameter(1, loanId).setParameter(2, customerId).setParameter(3, java.sql.Date.valueOf(on)).executeUpdate();
        LoanStatus s = statuses.findById(loanId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(s);
        s.updatedAt = clock.instant();
        return s;
    }

    /**
     * A new reading of days past due. A reading older than the one kept (topics are not ordered
     * against each other) only contributes a default it proves. Between two readings nothing was
     * paid (every payment is a reading), so a default the previous reading projected before the new
     * one's date did happen.
     */
    private void observe(LoanStatus s, int daysPastDue, LocalDate on) {
        int threshold = config.outcomes().defaultDaysPastDue();
        crossing(s, daysPastDue, on);
        if (s.observedOn != null && on.isBefore(s.observedOn)) {
            return;
        }
        LocalDate projected = Outcomes.defaultDate(s.daysPastDue, s.observedOn, threshold);
        if (projected != null && projected.isBefore(on)) {
            setDefault(s, projected);
        }
        s.daysPastDue = daysPastDue;
        s.observedOn = on;
    }

    private void crossing(LoanStatus s, int daysPastDue, LocalDate on) {
        int threshold = config.outcomes().defaultDaysPastDue();
        if (daysPastDue >= threshold && on != null) {
            setDefault(s, Outcomes.defaultDate(daysPastDue, on, threshold));
        }
    }

    private static void setDefault(LoanStatus s, LocalDate date) {
        if (s.defaultOn == null || date.isBefore(s.defaultOn)) {
            s.defaultOn = date;
        }
    }

    private static int grownTo(LoanStatus s, LocalDate on) {
        if (s.daysPastDue <= 0 || s.observedOn == null) {
            return 0;
        }
        return (int) Math.max(0, s.daysPastDue + java.time.temporal.ChronoUnit.DAYS.between(s.observedOn, on));
    }

    private static void fees(LoanStatus s, BigDecimal fees) {
        if (fees != null) {
            s.feesOutstanding = fees;
        }
    }

    /** The loan's credit facts, null when no event about it arrived. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LoanStatus find(UUID loanId) {
        return loanId == null ? null : statuses.findById(loanId);
    }

    /** Days past due at {@code on}: the last reading grown by the days since, 0 when current or unknown. */
    public static int daysPastDueAt(LoanStatus s, LocalDate on) {
        return s == null ? 0 : grownTo(s, on);
    }
}
