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
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.CaseEvaluation;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.repository.AlertCaseRepository;

import io.quarkus.logging.Log;

/**
 * From alert events to alert cases (docs/retention.md, "Flow"): a raised alert opens a case in its
 * cohort, an escalation or CHURN_RISK_ALERT_UPDATED re-runs the decision, a cleared alert withdraws
 * what has not reached the customer, a case waiting for its loan is decided when the loan's facts
 * arrive. The decision itself is {@link NextBestActionService}'s.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    private final AlertCaseRepository cases;
    private final InterventionService lifecycle;
    private final NextBestActionService decisions;
    private final LoanFactsService loans;
    private final CustomerFactsService customers;
    private final ControlGroup controlGroup;
    private final AlertReasons reasons;
    private final Locks locks;
    private final Clock clock;

    public ProposalService(AlertCaseRepository cases, InterventionService lifecycle, NextBestActionService decisions, LoanFactsService loans,
            CustomerFactsService customers, ControlGroup controlGroup, AlertReasons reasons, Locks locks, Clock clock) {
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.decisions = decisions;
        this.loans = loans;
        this.customers = customers;
        this.controlGroup = controlGroup;
        this.reasons = reasons;
        this.locks = locks;
        this.clock = clock;
    }

    /** A new alert opens a case; the same alert raised again (an escalation) updates it and re-runs the decision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlert(UUID customerId, Payloads.ChurnRiskAlertRaised alert, Instant occurredAt, LocalDate alertedOn) {
        locks.customer(customerId); // serializes with this customer's LOAN_OPENED (see LoanFactsService.onOpened)
        AlertCase known = cases.findById(alert.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (known != null && known.lastEventAt != null && !occurredAt.isAfter(known.lastEventAt)) {
            // a raise that arrived after a later update had opened the case: it only tells when the alert began
            if (occurredAt.isBefore(known.alertedAt)) {
                known.alertedAt = occurredAt;
                known.alertedOn = alertedOn;
            }
            Log.infof("CHURN_RISK_ALERT_RAISED for alert %s arrived after a later event: level %s kept", alert.alertId(), known.level);
            return;
        }
        if (known != null) {
            known.lastEventAt = occurredAt;
            boolean escalated = !known.level.equalsIgnoreCase(alert.level());
            update(known, alert.level(), alert.score(), alert.reasons(), alert.modelVersion(), alert.loanId());
            if (escalated) {
                reevaluate(known, "ALERT_ESCALATED");
            }
            return;
        }
        AlertCase c = new AlertCase();
        c.alertId = alert.alertId();
        c.customerId = customerId;
        c.churnType = alert.churnType();
        c.level = alert.level();
        c.score = alert.score();
        c.reasons = reasons.json(alert.reasons());
        c.loanId = alert.loanId();
        c.modelVersion = alert.modelVersion();
        c.cohort = controlGroup.cohortOf(customerId);
        c.alertedAt = occurredAt;
        c.alertedOn = alertedOn;
        c.receivedAt = clock.instant();
        c.updatedAt = c.receivedAt;
        c.lastEventAt = occurredAt;
        c.status = "OPEN";
        if (c.cohort != Cohort.CONTROL && customers.facts(customerId).erased()) {
            c.evaluation = CaseEvaluation.SKIPPED;
        } else if (c.loanId != null && !loans.known(c.loanId)) {
            // the control group waits too, so that what it would have received is decided on the same facts
            c.evaluation = CaseEvaluation.WAITING_FOR_LOAN;
        } else {
            c.evaluation = decided(c);
        }
        cases.persist(c);
        Log.infof("alert %s (%s %s) for customer %s: %s", c.alertId, c.churnType, c.level, customerId, c.evaluation);
        if (c.evaluation == CaseEvaluation.EVALUATED || c.evaluation == CaseEvaluation.HELD_OUT) {
            // the control group's decision is logged too (CONTROL_GROUP): what it would have received, for uplift per kind
            decisions.evaluate(c, "ALERT_RAISED");
        }
    }

    /**
     * risk-service's CHURN_RISK_ALERT_UPDATED: the open alert's level or top reason changed. The case
     * takes the new level, score and reasons and the decision runs again: what the new reasons call
     * for is proposed, a kind the alert already has never twice, a second loan-terms one never.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertUpdated(UUID customerId, Payloads.ChurnRiskAlertUpdated update, Instant occurredAt, LocalDate alertedOn) {
        locks.customer(customerId);
        AlertCase known = cases.findById(update.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (known == null) {
            // the raise has not arrived (order on the topic was lost): the update says all a raise would, so the case opens now
            Log.infof("CHURN_RISK_ALERT_UPDATED for alert %s before its raise: the case opens from the update", update.alertId());
            onAlert(customerId, new Payloads.ChurnRiskAlertRaised(update.alertId(), update.churnType(), update.level(), update.score(),
                    update.reasons(), update.modelVersion(), update.loanId()), occurredAt, alertedOn);
            return;
        }
        if (known.lastEventAt != null && occurredAt.isBefore(known.lastEventAt)) {
            Log.infof("CHURN_RISK_ALERT_UPDATED for alert %s is older than the case's latest event: ignored", update.alertId());
            return;
        }
        known.lastEventAt = occurredAt;
        update(known, update.level(), update.score(), update.reasons(), update.modelVersion(), update.loanId());
        reevaluate(known, "ALERT_UPDATED");
    }

    /** What a case becomes once decided with its loan's terms: the control group is held out. */
    private static CaseEvaluation decided(AlertCase c) {
        return c.cohort == Cohort.CONTROL ? CaseEvaluation.HELD_OUT : CaseEvaluation.EVALUATED;
    }

    private void update(AlertCase c, String level, java.math.BigDecimal score, List<String> alertReasons, String modelVersion, UUID loanId) {
        c.level = level;
        c.score = score;
        c.reasons = reasons.json(alertReasons);
        c.modelVersion = modelVersion;
        if (c.loanId == null) {
            c.loanId = loanId;
        }
        c.updatedAt = clock.instant();
    }

    private void reevaluate(AlertCase c, String trigger) {
        if ("OPEN".equals(c.status) && c.evaluation.evaluated()) {
            decisions.evaluate(c, trigger);
        }
    }

    /** A cleared alert withdraws what has not reached the customer yet; an open offer stays until answered or expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertCleared(Payloads.ChurnRiskAlertCleared cleared, Instant occurredAt) {
        AlertCase c = cases.findById(cleared.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null || "CLEARED".equals(c.status)) {
            return;
        }
        c.status = "CLEARED";
        c.clearedAt = occurredAt;
        c.lastEventAt = c.lastEventAt == null || occurredAt.isAfter(c.lastEventAt) ? occurredAt : c.lastEventAt;
        c.score = cleared.score();
        c.updatedAt = clock.instant();
        lifecycle.withdrawOpen("alertId", c.alertId, "the alert was cleared (score " + cleared.score().toPlainString() + ")", false);
    }

    /** The LOAN_OPENED an alert was waiting for arrived (also after the wait ran out: the case is decided again with the terms). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateWaitingFor(UUID loanId) {
        for (AlertCase c : cases.waitingForLoan(loanId)) {
            c.evaluation = decided(c);
            c.updatedAt = clock.instant();
            if ("OPEN".equals(c.status)) {
                decisions.evaluate(c, "LOAN_OPENED");
            }
        }
    }

    /**
     * The wait for a loan's LOAN_OPENED is over: the case is decided on what is known (tasks can go
     * ahead; loan relief is ineligible, and its reason says the loan's terms are missing).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stopWaitingNow(UUID alertId) {
        AlertCase c = cases.findById(alertId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.evaluation != CaseEvaluation.WAITING_FOR_LOAN) {
            return false; // LOAN_OPENED arrived meanwhile
        }
        locks.customer(c.customerId);
        c.evaluation = c.cohort == Cohort.CONTROL ? CaseEvaluation.HELD_OUT : CaseEvaluation.LOAN_TERMS_MISSING;
        c.updatedAt = clock.instant();
        if ("OPEN".equals(c.status)) {
            decisions.evaluate(c, "LOAN_WAIT_OVER");
        }
        return true;
    }

    /** Alert cases still waiting for their loan that were received before {@code before}, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> waitingSince(Instant before, int limit) {
        return cases.waitingSince(before, limit).stream().map(c -> c.alertId).toList();
    }

    public List<String> reasons(AlertCase c) {
        return reasons.of(c);
    }
}
