package com.lendkeep.customer.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.domain.ChurnRisk;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.repository.ChurnRiskRepository;
import com.lendkeep.platform.events.Payloads;

/**
 * Keeps the latest churn-risk alert per customer and churn type from risk-service. An event older
 * than the one already kept changes nothing; a clearing applies only to the alert it names.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChurnRiskService {

    private final ChurnRiskRepository risks;
    private final CustomerMapper mapper;

    public ChurnRiskService(ChurnRiskRepository risks, CustomerMapper mapper) {
        this.risks = risks;
        this.mapper = mapper;
    }

    public void raised(UUID customerId, Instant occurredAt, Payloads.ChurnRiskAlertRaised event) {
        ChurnRisk risk = risks.find(customerId, event.churnType()).orElse(null);
        if (risk != null && occurredAt.isBefore(risk.lastEventAt)) {
            return;
        }
        boolean created = risk == null;
        if (created) {
            risk = create(customerId, event.churnType());
        }
        risk.alertId = event.alertId();
        risk.level = event.level();
        risk.score = event.score();
        risk.reasons = mapper.writeReasons(event.reasons());
        risk.modelVersion = event.modelVersion();
        risk.loanId = event.loanId();
        risk.status = ChurnRisk.Status.RAISED;
        risk.raisedAt = occurredAt;
        risk.clearedAt = null;
        risk.lastEventAt = occurredAt;
        if (created) {
            risks.persist(risk);
        }
    }

    public void cleared(UUID customerId, Instant occurredAt, Payloads.ChurnRiskAlertCleared event) {
        ChurnRisk risk = risks.find(customerId, event.churnType()).orElse(null);
        if (risk != null && (!risk.alertId.equals(event.alertId()) || occurredAt.isBefore(risk.lastEventAt))) {
            return; // clears an older alert; the one kept is newer
        }
        boolean created = risk == null;
        if (created) {
            risk = create(customerId, event.churnType());
            risk.alertId = event.alertId();
        }
        risk.score = event.score();
        risk.status = ChurnRisk.Status.CLEARED;
        risk.clearedAt = occurredAt;
        risk.lastEventAt = occurredAt;
        if (created) {
            risks.persist(risk);
        }
    }

    /** Persisted by the caller once complete: Hibernate inserts the state it has at persist(). */
    private static ChurnRisk create(UUID customerId, String churnType) {
        ChurnRisk risk = new ChurnRisk();
        risk.id = UUID.randomUUID();
        risk.customerId = customerId;
        risk.churnType = churnType;
        return risk;
    }
}
