package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.api.CashRequest;
import com.lendkeep.loan.api.CashResponse;
import com.lendkeep.loan.domain.CreditRefund;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanRecovery;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Cash outside the schedule (docs/loan-arithmetic.md, section 9): recoveries of a charged-off loan,
 * and refunds of a credit balance (what a payment brought above the payoff amount). The loan row is
 * locked first, as for repayments.
 */
@ApplicationScoped
@Transactional
public class LoanCashService {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Outbox outbox;

    public LoanCashService(EntityManager em, BusinessCalendar calendar, Outbox outbox) {
        this.em = em;
        this.calendar = calendar;
        this.outbox = outbox;
    }

    /** Books cash received after the charge-off (at most what was written off and not yet recovered) and emits LOAN_RECOVERY_RECEIVED. */
    public CashResponse recover(UUID loanId, CashRequest request, String user) {
        Loan loan = locked(loanId);
        if (loan.status != LoanStatus.CHARGED_OFF) {
            throw ApiException.unprocessable("loan " + loanId + " is " + loan.status + ": recoveries are booked on charged-off loans, "
                    + "repayments on active ones");
        }
        LocalDate on = valueDate(loan, request.on());
        BigDecimal amount = ScheduleCalculator.money(request.amount());
        BigDecimal left = writtenOff(loan).subtract(loan.recovered);
        if (amount.compareTo(left) > 0) {
            throw ApiException.unprocessable("amount " + amount + " exceeds what was written off and not yet recovered, " + left);
        }
        LoanRecovery r = new LoanRecovery();
        r.id = UUID.randomUUID();
        r.loanId = loan.id;
        r.amount = amount;
        r.receivedOn = on;
        r.recordedBy = user;
        r.recordedAt = Instant.now();
        em.persist(r);
        loan.recovered = loan.recovered.add(amount);
        outbox.publish(EventType.LOAN_RECOVERY_RECEIVED, loan.customerId, new Payloads.LoanRecoveryReceived(loan.id, amount, on,
                loan.recovered));
        return new CashResponse(r.id, loan.id, "RECOVERY", amount, on, user, loan.status, loan.recovered, loan.creditBalance);
    }

    /** Pays back part or all of the loan's credit balance. */
    public CashResponse refund(UUID loanId, CashRequest request, String user) {
        Loan loan = locked(loanId);
        LocalDate on = valueDate(loan, request.on());
        BigDecimal amount = ScheduleCalculator.money(request.amount());
        if (amount.compareTo(loan.creditBalance) > 0) {
            throw ApiException.unprocessable("amount " + amount + " exceeds the loan's credit balance " + loan.creditBalance);
        }
        CreditRefund r = new CreditRefund();
        r.id = UUID.randomUUID();
        r.loanId = loan.id;
        r.amount = amount;
        r.refundedOn = on;
        r.recordedBy = user;
        r.recordedAt = Instant.now();
        em.persist(r);
        loan.creditBalance = loan.creditBalance.subtract(amount);
        return new CashResponse(r.id, loan.id, "REFUND", amount, on, user, loan.status, loan.recovered, loan.creditBalance);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CashResponse> recoveries(UUID loanId) {
        Loan loan = em.find(Loan.class, loanId);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        return em.createQuery("FROM LoanRecovery WHERE loanId = ?1 ORDER BY receivedOn, recordedAt", LoanRecovery.class)
                .setParameter(1, loanId).getResultList().stream()
                .map(r -> new CashResponse(r.id, loanId, "RECOVERY", r.amount, r.receivedOn, r.recordedBy, loan.status, loan.recovered,
                        loan.creditBalance)).toList();
    }

    /** What the charge-off wrote off: the unpaid principal, earned interest and fees the loan still shows. */
    static BigDecimal writtenOff(Loan loan) {
        return loan.outstandingPrincipal().add(loan.outstandingInterest()).add(loan.outstandingFees());
    }

    private Loan locked(UUID loanId) {
        Loan loan = em.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        return loan;
    }

    private LocalDate valueDate(Loan loan, LocalDate requested) {
        LocalDate today = calendar.today();
        LocalDate on = requested == null ? today : requested;
        if (on.isAfter(today)) {
            throw ApiException.badRequest("on", "on " + on + " is after the business date " + today);
        }
        LocalDate floor = loan.closedOn != null ? loan.closedOn : loan.startDate;
        if (on.isBefore(floor)) {
            throw ApiException.badRequest("on", "on " + on + " is before " + floor + " (the loan's " + (loan.closedOn != null ? "closing" : "start")
                    + " date)");
        }
        return on;
    }
}
