package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.repository.DelinquencyHistoryRepository;
import com.lendkeep.loan.schedule.DelinquencyBuckets;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;

/**
 * Delinquency of one loan: days past due (from the oldest OVERDUE installment), the bucket they fall
 * in, and the move to a new bucket (history row and DELINQUENCY_CHANGED) after a repayment or a
 * modification. Close of business does the same for the whole book, set-based.
 */
@ApplicationScoped
public class DelinquencyService {

    public record Status(int daysPastDue, BigDecimal overdueAmount, int overdueInstallments, LocalDate oldestOverdueDueDate, String bucket) {
    }

    private final DelinquencyHistoryRepository history;
    private final Outbox outbox;
    private final DelinquencyBuckets buckets;

    public DelinquencyService(DelinquencyHistoryRepository history, Outbox outbox, LoanConfig config) {
        this.history = history;
        this.outbox = outbox;
        this.buckets = new DelinquencyBuckets(config.delinquency().bucketStarts());
    }

    public DelinquencyBuckets buckets() {
        return buckets;
    }

    /** The loan's delinquency on {@code on}. */
    public Status status(Loan loan, LocalDate on) {
        List<Installment> overdue = loan.installments.stream().filter(i -> i.status == InstallmentStatus.OVERDUE).toList();
        LocalDate oldest = overdue.stream().map(i -> i.dueDate).min(LocalDate::compareTo).orElse(null);
        int dpd = oldest == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(oldest, on));
        BigDecimal amount = overdue.stream().map(Installment::amountUnpaid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Status(dpd, amount, overdue.size(), oldest, buckets.classify(dpd));
    }

    /** Moves the loan to the bucket its installments give on the business date, if that changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reclassify(Loan loan, LocalDate businessDate, DelinquencyHistory.Trigger trigger) {
        Status status = status(loan, businessDate);
        if (Objects.equals(status.bucket(), loan.delinquencyBucket)) {
            return;
        }
        String previous = loan.delinquencyBucket;
        loan.delinquencyBucket = status.bucket();
        history.persist(move(loan.id, previous, status.bucket(), status.daysPastDue(), status.overdueAmount(), businessDate, trigger));
        outbox.publish(EventType.DELINQUENCY_CHANGED, loan.customerId, new Payloads.DelinquencyChanged(loan.id, previous,
                status.bucket(), status.daysPastDue(), status.overdueAmount(), loan.outstandingFees()));
    }

    static DelinquencyHistory move(UUID loanId, String previous, String next, int dpd, BigDecimal overdue, LocalDate date,
            DelinquencyHistory.Trigger trigger) {
        DelinquencyHistory h = new DelinquencyHistory();
        h.loanId = loanId;
        h.previousBucket = previous;
        h.newBucket = next;
        h.daysPastDue = dpd;
        h.overdueAmount = overdue;
        h.businessDate = date;
        h.trigger = trigger;
        h.createdAt = Instant.now();
        return h;
    }

    public List<DelinquencyHistory> history(UUID loanId) {
        return history.forLoan(loanId);
    }
}
