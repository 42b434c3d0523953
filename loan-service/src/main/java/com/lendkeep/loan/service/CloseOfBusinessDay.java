package com.lendkeep.loan.service;

import static com.lendkeep.loan.service.CloseOfBusinessStatements.markOverdue;
import static com.lendkeep.loan.service.CloseOfBusinessStatements.recordMoves;
import static com.lendkeep.loan.service.CloseOfBusinessStatements.standings;

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
import com.lendkeep.loan.service.CloseOfBusinessStatements.Missed;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Move;
import com.lendkeep.loan.service.CloseOfBusinessStatements.Standing;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;

/**
 * The close of one business day over some loans, locked and ACTIVE, in the caller's transaction:
 * a chunk of the queue ({@link CloseOfBusinessChunk}), or the one loan an operation reaches before
 * the running close does ({@link CloseOfBusinessCatchUp}). Missed installments become OVERDUE with
 * their late fee (PAYMENT_MISSED), each loan goes to the bucket its days past due give
 * (DELINQUENCY_CHANGED), loans at the charge-off threshold are charged off (LOAN_CLOSED). One
 * statement per step over all the loans; the events in one batch.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CloseOfBusinessDay {

    /** What closing the day did. */
    public record Closed(List<Missed> missed, List<Move> moves, List<ChargeOffService.ChargedOff> chargedOff) {

        int lateFeesCharged() {
            return (int) missed.stream().filter(Missed::feeCharged).count();
        }
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final DelinquencyService delinquency;
    private final ChargeOffService chargeOffs;
    private final LoanConfig config;

    public CloseOfBusinessDay(EntityManager em, Outbox outbox, DelinquencyService delinquency, ChargeOffService chargeOffs,
            LoanConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.delinquency = delinquency;
        this.chargeOffs = chargeOffs;
        this.config = config;
    }

    /** Closes {@code date}'s day of {@code loans}; {@code by} is who started the close (recorded on charge-offs). */
    public Closed close(List<UUID> loans, LocalDate date, String by) {
        if (loans.isEmpty()) {
            return new Closed(List.of(), List.of(), List.of());
        }
        Session session = em.unwrap(Session.class);
        LocalDate cutoff = cutoff(date);
        List<Missed> missed = session.doReturningWork(c -> markOverdue(c, loans, cutoff));
        List<Standing> standings = session.doReturningWork(c -> standings(c, loans));
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
                "days past due reached " + threshold + " at close of business", by);
        return new Closed(missed, moves, chargedOff);
    }

    /** Installments due before this date (the grace days before {@code date}) are missed. */
    LocalDate cutoff(LocalDate date) {
        return date.minusDays(config.delinquency().graceDays());
    }
}
