package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.Repayment;
import com.lendkeep.loan.mapping.InstallmentStates;
import com.lendkeep.loan.mapping.LoanMapper;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * A repayment that bounced (docs/loan-arithmetic.md, section 6): the installments go back to what
 * they were before it (fees charged since stay), so installments, days past due and the bucket
 * reopen; a loan it closed is active again; the credit it made is taken back. Only the loan's
 * latest repayment not yet reversed, and not once the schedule was modified after it: later
 * decisions were taken on the money it brought.
 */
@ApplicationScoped
@Transactional
public class RepaymentReversalService {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final LoanService loanService;
    private final DelinquencyService delinquency;
    private final Outbox outbox;
    private final CloseOfBusinessCatchUp catchUp;
    private final ObjectMapper mapper;

    public RepaymentReversalService(EntityManager em, BusinessCalendar calendar, LoanService loanService, DelinquencyService delinquency,
            Outbox outbox, ObjectMapper mapper, CloseOfBusinessCatchUp catchUp) {
        this.em = em;
        this.catchUp = catchUp;
        this.calendar = calendar;
        this.loanService = loanService;
        this.delinquency = delinquency;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public RepaymentService.Result reverse(UUID loanId, UUID repaymentId, String reason, String user) {
        // dated the business date: after the day's close, if a running one has not reached the loan
        Loan loan = catchUp.lockClosed(loanId);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        Repayment repayment = em.find(Repayment.class, repaymentId);
        if (repayment == null || !repayment.loanId.equals(loanId)) {
            throw ApiException.notFound("repayment", repaymentId);
        }
        if (repayment.reversedOn != null) {
            throw ApiException.conflict("repayment " + repaymentId + " was already reversed on " + repayment.reversedOn);
        }
        check(loan, repayment);
        LocalDate today = calendar.today();
        String before = InstallmentStates.write(mapper, loan);
        if (!InstallmentStates.restore(mapper, loan, repayment.stateBefore)) {
            throw ApiException.unprocessable("the loan's installments changed since repayment " + repaymentId + ": it cannot be reversed");
        }
        loan.creditBalance = loan.creditBalance.subtract(repayment.toCredit);
        if (loan.status == LoanStatus.PREPAID || loan.status == LoanStatus.REPAID) {
            loan.status = LoanStatus.ACTIVE;
            loan.closedOn = null;
        }
        repayment.reversedOn = today;
        repayment.reversalReason = reason;
        repayment.reversedBy = user;
        if (!InstallmentStates.sameAmountsAsked(mapper, loan, before)) {
            loan.scheduleVersion++;
            String description = "reversal of repayment " + repaymentId + " (" + repayment.amount + " on " + repayment.paidOn + ")";
            loanService.recordVersion(loan, description);
            outbox.publish(EventType.LOAN_MODIFIED, loan.customerId, new Payloads.LoanModified(loan.id, "REPAYMENT_REVERSAL", null,
                    loan.scheduleVersion, description + ": the schedule it changed is put back", loan.forbearanceUntil,
                    loan.unpaidInstallments().stream().map(i -> i.dueDate).toList(), loan.annualRate,
                    BigDecimal.ZERO.setScale(2), loan.outstandingFees()));
        }
        outbox.publish(EventType.REPAYMENT_REVERSED, loan.customerId, new Payloads.RepaymentReversed(loan.id, repaymentId,
                repayment.amount, today, reason, LoanMapper.daysPastDue(loan, today), loan.outstandingPrincipal()));
        delinquency.reclassify(loan, today, DelinquencyHistory.Trigger.REPAYMENT);
        return new RepaymentService.Result(repayment, loan);
    }

    private void check(Loan loan, Repayment repayment) {
        if (loan.status == LoanStatus.CHARGED_OFF) {
            throw ApiException.unprocessable("loan " + loan.id + " was charged off on " + loan.closedOn + ": its repayments stay as booked");
        }
        if (repayment.stateBefore == null) {
            throw ApiException.unprocessable("repayment " + repayment.id + " was recorded before reversals were kept: it cannot be reversed");
        }
        Long later = em.createQuery("SELECT count(r) FROM Repayment r WHERE r.loanId = ?1 AND r.reversedOn IS NULL AND r.id <> ?2 "
                + "AND (r.paidOn > ?3 OR (r.paidOn = ?3 AND r.recordedAt > ?4))", Long.class).setParameter(1, loan.id)
                .setParameter(2, repayment.id).setParameter(3, repayment.paidOn).setParameter(4, repayment.recordedAt).getSingleResult();
        if (later > 0) {
            throw ApiException.unprocessable("repayment " + repayment.id + " is not the loan's latest: reverse the later ones first");
        }
        Long modified = em.createQuery("SELECT count(m) FROM LoanModification m WHERE m.loanId = ?1 AND m.createdAt > ?2", Long.class)
                .setParameter(1, loan.id).setParameter(2, repayment.recordedAt).getSingleResult();
        if (modified > 0) {
            throw ApiException.unprocessable("the loan was modified after repayment " + repayment.id + ": it cannot be reversed any more");
        }
        if (loan.creditBalance.compareTo(repayment.toCredit) < 0) {
            throw ApiException.unprocessable("the credit of " + repayment.toCredit + " that repayment " + repayment.id
                    + " made was already refunded: it cannot be reversed");
        }
    }
}
