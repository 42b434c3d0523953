package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.LoanClosure;
import com.lendkeep.retention.domain.LoanFact;
import com.lendkeep.retention.repository.LoanClosureRepository;
import com.lendkeep.retention.repository.LoanFactRepository;
import com.lendkeep.retention.rules.LoanMath;
import com.lendkeep.retention.rules.LoanTerms;

import io.quarkus.logging.Log;

/** Keeps what loan-events say about each loan: terms for costs, state for eligibility, closures for outcomes. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoanFactsService {

    private final LoanFactRepository facts;
    private final LoanClosureRepository closures;
    private final Locks locks;
    private final Clock clock;

    public LoanFactsService(LoanFactRepository facts, LoanClosureRepository closures, Locks locks, Clock clock) {
        this.facts = facts;
        this.closures = closures;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * @return false when the loan was already known. Takes the customer's lock first: an alert for
     *         this loan on the other consumer thread either sees the loan or is seen waiting for it.
     */
    public boolean onOpened(UUID customerId, Payloads.LoanOpened opened) {
        locks.customer(customerId);
        if (facts.findById(opened.loanId()) != null) {
            return false;
        }
        LoanFact f = new LoanFact();
        f.loanId = opened.loanId();
        f.customerId = customerId;
        f.principal = opened.principal();
        f.originalRate = opened.annualRate();
        f.annualRate = opened.annualRate();
        f.termMonths = opened.termMonths();
        f.startDate = opened.startDate();
        f.installmentAmount = opened.installmentAmount();
        f.basisDate = opened.startDate();
        f.basisBalance = opened.principal();
        f.basisTerm = opened.termMonths();
        f.updatedAt = clock.instant();
        facts.persist(f);
        return true;
    }

    /**
     * Re-bases the schedule on loan-service's remaining due dates. The balance at the change is the
     * old basis after the installments no longer due; for a restructuring (whose count of
     * installments changes) it is the balance the intervention was priced on.
     *
     * @param intervention ours when the modification came from an accepted intervention, else null
     */
    public void onModified(Payloads.LoanModified modified, Intervention intervention) {
        LoanFact f = facts.findById(modified.loanId(), LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            Log.debugf("LOAN_MODIFIED for loan %s, whose LOAN_OPENED never arrived: terms not tracked", modified.loanId());
            return;
        }
        f.forbearanceUntil = modified.forbearanceUntil();
        LoanTerms before = terms(f);
        List<LocalDate> remaining = modified.remainingDueDates();
        if (remaining != null && !remaining.isEmpty()) {
            int paid;
            if (intervention != null && intervention.kind == InterventionKind.RESTRUCTURING) {
                paid = before.installmentsDue(intervention.asOfDate);
            } else {
                paid = Math.max(0, Math.min(f.basisTerm, f.basisTerm - remaining.size()));
            }
            f.basisBalance = LoanMath.balanceAfter(f.basisBalance, f.annualRate, f.basisTerm, paid);
            f.basisTerm = remaining.size();
            f.basisDate = remaining.stream().min(LocalDate::compareTo).orElseThrow().minusMonths(1);
        }
        if (intervention != null && intervention.newAnnualRate != null
                && (intervention.kind.changesRate() || intervention.kind == InterventionKind.RESTRUCTURING)) {
            f.annualRate = intervention.newAnnualRate;
        }
        f.updatedAt = clock.instant();
    }

    public void onDelinquencyChanged(Payloads.DelinquencyChanged changed) {
        LoanFact f = facts.findById(changed.loanId(), LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            return;
        }
        f.delinquencyBucket = changed.newBucket();
        f.daysPastDue = changed.daysPastDue();
        f.updatedAt = clock.instant();
    }

    /**
     * Records the closure; for a prepayment, the interest the remaining schedule would have earned
     * (docs/retention.md, "Loss assessment").
     */
    public void onClosed(UUID customerId, Payloads.LoanClosed closed, Instant occurredAt, LocalDate on) {
        if (closures.findById(closed.loanId()) != null) {
            return;
        }
        LoanFact f = facts.findById(closed.loanId(), LockModeType.PESSIMISTIC_WRITE);
        LoanClosure c = new LoanClosure();
        c.loanId = closed.loanId();
        c.customerId = customerId;
        c.closure = closed.closure();
        c.closedOn = closed.closedOn();
        c.occurredAt = occurredAt;
        c.closedDate = on != null ? on : closed.closedOn();
        c.writtenOffFees = closed.writtenOffFees();
        c.unrecoveredPrincipal = closed.unrecoveredPrincipal();
        c.unrecoveredInterest = closed.unrecoveredInterest();
        if (f != null && "PREPAID".equals(closed.closure())) {
            LoanTerms.Position at = terms(f).positionAt(closed.closedOn());
            c.interestIncomeLost = LoanMath.remainingInterest(at.balance(), at.annualRate(), at.remainingMonths());
        }
        closures.persist(c);
        if (f != null) {
            f.closure = closed.closure();
            f.updatedAt = clock.instant();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoanTerms terms(UUID loanId) {
        LoanFact f = loanId == null ? null : facts.findById(loanId);
        return f == null ? null : terms(f);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean known(UUID loanId) {
        return facts.findById(loanId) != null;
    }

    static LoanTerms terms(LoanFact f) {
        return new LoanTerms(f.loanId, f.annualRate, f.basisDate, f.basisBalance, f.basisTerm, f.forbearanceUntil, f.delinquencyBucket,
                f.closure);
    }
}
