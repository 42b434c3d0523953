package com.lendkeep.retention.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.repository.AlertCaseRepository;
import com.lendkeep.retention.repository.InterventionRepository;

import io.quarkus.logging.Log;

/**
 * From alert to intervention. Playbook (first version, docs/retention.md): involuntary risk on a
 * loan gets a payment extension; voluntary risk on a loan gets a loyalty rate. Control-group
 * customers get nothing.
 */
@ApplicationScoped
@Transactional
public class InterventionService {

    private final AlertCaseRepository cases;
    private final InterventionRepository interventions;
    private final ControlGroup controlGroup;
    private final RetentionConfig.Playbook playbook;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper mapper;

    public InterventionService(AlertCaseRepository cases, InterventionRepository interventions, ControlGroup controlGroup,
            RetentionConfig config, Outbox outbox, EntityManager em, ObjectMapper mapper) {
        this.cases = cases;
        this.interventions = interventions;
        this.controlGroup = controlGroup;
        this.playbook = config.playbook();
        this.outbox = outbox;
        this.em = em;
        this.mapper = mapper;
    }

    /** Records the alert and proposes what the playbook says; an alert seen before (escalation) proposes nothing new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlert(UUID customerId, Payloads.ChurnRiskAlertRaised alert) {
        AlertCase known = cases.findById(alert.alertId());
        if (known != null) {
            known.level = alert.level();
            known.score = alert.score();
            return;
        }
        AlertCase c = new AlertCase();
        c.alertId = alert.alertId();
        c.customerId = customerId;
        c.churnType = alert.churnType();
        c.level = alert.level();
        c.score = alert.score();
        c.reasons = json(alert.reasons());
        c.loanId = alert.loanId();
        c.cohort = controlGroup.cohortOf(customerId);
        c.receivedAt = Instant.now();
        cases.persist(c);
        if (c.cohort == Cohort.CONTROL) {
            Log.infof("alert %s: customer held out in the control group", alert.alertId());
            return;
        }
        if (alert.loanId() == null) {
            Log.infof("alert %s names no loan: no loan relief to propose", alert.alertId());
            return;
        }
        Intervention i = new Intervention();
        i.id = UUID.randomUUID();
        i.alertId = alert.alertId();
        i.customerId = customerId;
        i.loanId = alert.loanId();
        i.churnType = alert.churnType();
        i.status = InterventionStatus.PROPOSED;
        i.proposedAt = Instant.now();
        i.updatedAt = i.proposedAt;
        if ("INVOLUNTARY".equals(alert.churnType())) {
            i.kind = InterventionKind.PAYMENT_EXTENSION;
            i.extensionMonths = playbook.extensionMonths();
            i.playbookRule = "involuntary " + alert.level() + " -> payment extension of " + playbook.extensionMonths() + " months";
        } else {
            i.kind = InterventionKind.LOYALTY_RATE;
            i.newAnnualRate = playbook.loyaltyRate();
            i.playbookRule = "voluntary " + alert.level() + " -> loyalty rate " + playbook.loyaltyRate();
        }
        interventions.persist(i);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Intervention> search(UUID customerId, InterventionStatus status, int page, int size) {
        return interventions.search(customerId, status, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Intervention get(UUID id) {
        return interventions.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("intervention", id));
    }

    /**
     * The customer accepted: sends the relief to loan-service. Accepting again is harmless and
     * returns the intervention as it is; a declined or failed one cannot be accepted.
     */
    public Intervention accept(UUID id, String decidedBy) {
        Intervention i = lock(id);
        switch (i.status) {
            case ACCEPTED, APPLIED -> {
                return i;
            }
            case DECLINED, FAILED -> throw ApiException.conflict("intervention " + id + " is " + i.status + " and cannot be accepted");
            case PROPOSED -> {
                i.status = InterventionStatus.ACCEPTED;
                i.decidedAt = Instant.now();
                i.decidedBy = decidedBy;
                i.updatedAt = i.decidedAt;
                outbox.publish(EventType.INTERVENTION_ACCEPTED, i.customerId, new Payloads.InterventionAccepted(i.id, i.loanId,
                        i.kind.name(), i.extensionMonths == null ? 0 : i.extensionMonths, i.newAnnualRate, null, null, null));
                return i;
            }
            default -> throw new IllegalStateException("unhandled status " + i.status);
        }
    }

    public Intervention decline(UUID id, String decidedBy) {
        Intervention i = lock(id);
        if (i.status == InterventionStatus.DECLINED) {
            return i;
        }
        if (i.status != InterventionStatus.PROPOSED) {
            throw ApiException.conflict("intervention " + id + " is " + i.status + " and cannot be declined");
        }
        i.status = InterventionStatus.DECLINED;
        i.decidedAt = Instant.now();
        i.decidedBy = decidedBy;
        i.updatedAt = i.decidedAt;
        return i;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLoanModified(Payloads.LoanModified modified) {
        if (modified.interventionId() == null) {
            return;
        }
        Intervention i = em.find(Intervention.class, modified.interventionId(), LockModeType.PESSIMISTIC_WRITE);
        if (i == null || i.status == InterventionStatus.APPLIED) {
            return;
        }
        i.status = InterventionStatus.APPLIED;
        i.appliedAt = Instant.now();
        i.updatedAt = i.appliedAt;
        i.outcomeDetail = "schedule version " + modified.scheduleVersion() + ": " + modified.description();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onModificationRejected(Payloads.LoanModificationRejected rejected) {
        Intervention i = em.find(Intervention.class, rejected.interventionId(), LockModeType.PESSIMISTIC_WRITE);
        if (i == null || i.status == InterventionStatus.FAILED) {
            return;
        }
        i.status = InterventionStatus.FAILED;
        i.updatedAt = Instant.now();
        i.outcomeDetail = "loan-service: " + rejected.reason();
    }

    private Intervention lock(UUID id) {
        Intervention i = em.find(Intervention.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ApiException.notFound("intervention", id);
        }
        return i;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
