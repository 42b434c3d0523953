package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RiskLevel;
import com.lendkeep.risk.repository.ChurnAlertRepository;
import com.lendkeep.risk.scoring.Reason;

import io.quarkus.logging.Log;

/**
 * Carries out {@link AlertPolicy}'s decisions on a customer's alerts after a scoring: raises a new
 * alert, moves the open one with the score (up at once, down or cleared only when the policy allows)
 * and publishes every change through the outbox, in the scoring's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlertLifecycle {

    private final ChurnAlertRepository alerts;
    private final AlertPolicy policy;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public AlertLifecycle(ChurnAlertRepository alerts, AlertPolicy policy, Outbox outbox, ObjectMapper mapper) {
        this.alerts = alerts;
        this.policy = policy;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** The open alerts of these customers, by {@link #key}. */
    public Map<String, ChurnAlert> openFor(List<UUID> customerIds) {
        Map<String, ChurnAlert> open = new HashMap<>();
        for (ChurnAlert a : alerts.openFor(customerIds)) {
            open.put(key(a.customerId, a.churnType), a);
        }
        return open;
    }

    public static String key(UUID customerId, ChurnType type) {
        return customerId + ":" + type;
    }

    /**
     * Raises a new alert, or moves the open one with the score: up at once, down or cleared only as
     * {@link AlertPolicy#decide} allows. A changed level or top reason publishes CHURN_RISK_ALERT_UPDATED.
     * Returns whether the open alert waits to be lowered (its score is below, not yet long enough).
     */
    public boolean evaluate(CustomerRisk risk, ChurnType type, double score, List<Reason> reasons, String modelVersion, UUID loanId,
            ChurnAlert open, Instant now, LocalDate today) {
        BigDecimal scoreValue = FeatureUpdater.probability(score);
        RiskLevel level = policy.levelOf(score);
        if (open == null) {
            if (!policy.raises(level)) {
                return false;
            }
            open = new ChurnAlert();
            open.id = UUID.randomUUID();
            open.customerId = risk.customerId;
            open.churnType = type;
            open.status = ChurnAlert.Status.OPEN;
            open.raisedAt = now;
            update(open, level, scoreValue, reasons, modelVersion, loanId, now);
            alerts.persist(open);
            publishRaised(open, reasons);
            return false;
        }
        RiskLevel previous = open.level;
        String previousTop = open.topReason;
        switch (policy.decide(open, score, today, !underForbearance(risk, today))) {
            case ESCALATE -> update(open, level, scoreValue, reasons, modelVersion, loanId, now);
            case LOWER -> update(open, policy.lowerTo(score), scoreValue, reasons, modelVersion, loanId, now);
            case CLEAR -> {
                open.status = ChurnAlert.Status.CLEARED;
                open.clearedAt = now;
                open.updatedAt = now;
                open.score = scoreValue;
                outbox.publish(EventType.CHURN_RISK_ALERT_CLEARED, risk.customerId,
                        new Payloads.ChurnRiskAlertCleared(open.id, type.name(), scoreValue));
                return false;
            }
            case HOLD -> update(open, open.level, scoreValue, reasons, modelVersion, open.loanId != null ? open.loanId : loanId, now);
        }
        if (open.level != previous || !Objects.equals(open.topReason, previousTop)) {
            Log.debugf("churn-risk alert %s: %s %s -> %s (score %s)", open.id, type, previous, open.level, open.score);
            outbox.publish(EventType.CHURN_RISK_ALERT_UPDATED, open.customerId, new Payloads.ChurnRiskAlertUpdated(open.id,
                    type.name(), previous.name(), open.level.name(), open.score, texts(reasons), open.modelVersion, open.loanId));
        }
        return open.belowCount > 0;
    }

    /**
     * A loan under forbearance probation stays watched: its alert does not clear before the end of
     * probation, judged by the business date.
     */
    private static boolean underForbearance(CustomerRisk risk, LocalDate today) {
        return risk.forbearanceUntil != null && risk.forbearanceUntil.isAfter(today);
    }

    private void update(ChurnAlert alert, RiskLevel level, BigDecimal score, List<Reason> reasons, String modelVersion, UUID loanId,
            Instant now) {
        alert.level = level;
        alert.score = score;
        alert.reasons = StoredJson.write(mapper, texts(reasons));
        alert.topReason = reasons.isEmpty() ? null : reasons.get(0).code();
        alert.modelVersion = modelVersion;
        alert.loanId = loanId;
        alert.updatedAt = now;
    }

    private void publishRaised(ChurnAlert alert, List<Reason> reasons) {
        Log.debugf("churn-risk alert %s: %s %s (score %s)", alert.id, alert.churnType, alert.level, alert.score);
        outbox.publish(EventType.CHURN_RISK_ALERT_RAISED, alert.customerId, new Payloads.ChurnRiskAlertRaised(alert.id,
                alert.churnType.name(), alert.level.name(), alert.score, texts(reasons), alert.modelVersion, alert.loanId));
    }

    private static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }
}
