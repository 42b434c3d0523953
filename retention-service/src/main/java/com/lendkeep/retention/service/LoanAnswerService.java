package com.lendkeep.retention.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionStatus;

import io.quarkus.logging.Log;

/**
 * loan-service's answers to accepted relief (docs/retention.md, "Lifecycle"): LOAN_MODIFIED makes only
 * an ACCEPTED intervention APPLIED and records its concession as the realised cost;
 * LOAN_MODIFICATION_REJECTED makes only an ACCEPTED one FAILED. Both are idempotent.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoanAnswerService {

    private final InterventionService lifecycle;
    private final EntityManager em;
    private final Clock clock;

    public LoanAnswerService(InterventionService lifecycle, EntityManager em, Clock clock) {
        this.lifecycle = lifecycle;
        this.em = em;
        this.clock = clock;
    }

    /** loan-service applied it: only an ACCEPTED intervention becomes APPLIED; returns ours, or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Intervention onLoanModified(Payloads.LoanModified modified) {
        if (modified.interventionId() == null) {
            return null;
        }
        Intervention i = em.find(Intervention.class, modified.interventionId(), LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            return null;
        }
        if (modified.concession() != null && (i.status == InterventionStatus.ACCEPTED || i.status == InterventionStatus.APPLIED)) {
            i.realisedConcession = modified.concession(); // the realised cost, in place of the estimate
        }
        if (i.status == InterventionStatus.ACCEPTED) {
            i.appliedAt = clock.instant();
            i.outcomeDetail = "schedule version " + modified.scheduleVersion() + ": " + modified.description();
            lifecycle.move(i, InterventionStatus.APPLIED, "loan-service", i.outcomeDetail);
        } else if (i.status != InterventionStatus.APPLIED) {
            Log.warnf("LOAN_MODIFIED for intervention %s in status %s ignored: only an ACCEPTED intervention becomes APPLIED", i.id, i.status);
        }
        return i;
    }

    /** loan-service could not apply it: only an ACCEPTED intervention becomes FAILED (an APPLIED one stays APPLIED). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onModificationRejected(Payloads.LoanModificationRejected rejected) {
        Intervention i = em.find(Intervention.class, rejected.interventionId(), LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            return;
        }
        if (i.status == InterventionStatus.ACCEPTED) {
            i.outcomeDetail = "loan-service: " + rejected.reason();
            lifecycle.move(i, InterventionStatus.FAILED, "loan-service", i.outcomeDetail);
        } else if (i.status != InterventionStatus.FAILED) {
            Log.warnf("LOAN_MODIFICATION_REJECTED for intervention %s in status %s ignored", i.id, i.status);
        }
    }

    /** The task of an accepted task-kind intervention was done (APPLIED) or cancelled (FAILED). */
}
