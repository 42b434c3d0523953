package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RiskLevel;
import com.lendkeep.risk.domain.ScoreHistory;
import com.lendkeep.risk.repository.ChurnAlertRepository;
import com.lendkeep.risk.repository.CustomerRiskRepository;
import com.lendkeep.risk.repository.ScoreHistoryRepository;
import com.lendkeep.risk.scoring.ChurnModel;
import com.lendkeep.risk.scoring.Reason;
import com.lendkeep.risk.scoring.RiskScores;

import io.quarkus.logging.Log;

/**
 * Applies one event to a customer's features, re-scores, and raises, escalates or clears alerts,
 * all in the transaction of the inbox (so a redelivered event changes nothing).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RiskService {

    private final CustomerRiskRepository risks;
    private final ChurnAlertRepository alerts;
    private final ScoreHistoryRepository history;
    private final ChurnModel model;
    private final AlertPolicy policy;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public RiskService(CustomerRiskRepository risks, ChurnAlertRepository alerts, ScoreHistoryRepository history,
            ChurnModel model, AlertPolicy policy, Outbox outbox, ObjectMapper mapper) {
        this.risks = risks;
        this.alerts = alerts;
        this.history = history;
        this.model = model;
        this.policy = policy;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Returns false for event types that carry nothing for risk. */
    public boolean apply(EventEnvelope event, Object data) {
        CustomerRisk risk = risks.lockOrCreate(event.customerId());
        switch (data) {
            case Payloads.PaymentMissed e -> FeatureUpdater.paymentMissed(risk, e);
            case Payloads.RepaymentReceived e -> FeatureUpdater.repaymentReceived(risk, e);
            case Payloads.CreditScoreChanged e -> FeatureUpdater.creditScoreChanged(risk, e);
            case Payloads.ContactLogged e -> FeatureUpdater.contactLogged(risk, e);
            case Payloads.LoanOpened e -> FeatureUpdater.loanOpened(risk, e);
            case Payloads.LoanModified e -> FeatureUpdater.loanModified(risk, e);
            case Payloads.LoanClosed e -> FeatureUpdater.loanClosed(risk, e);
            default -> {
                return false;
            }
        }
        rescore(risk, event.type().name());
        return true;
    }

    void rescore(CustomerRisk risk, String cause) {
        RiskScores scores = model.score(risk);
        risk.involuntaryScore = FeatureUpdater.probability(scores.involuntary());
        risk.voluntaryScore = FeatureUpdater.probability(scores.voluntary());
        risk.combinedScore = FeatureUpdater.probability(scores.combined());
        risk.involuntaryLevel = policy.levelOf(scores.involuntary());
        risk.voluntaryLevel = policy.levelOf(scores.voluntary());
        risk.modelVersion = scores.modelVersion();
        risk.reasons = json(concat(scores.involuntaryReasons(), scores.voluntaryReasons()));
        risk.updatedAt = Instant.now();

        ScoreHistory point = new ScoreHistory();
        point.customerId = risk.customerId;
        point.scoredAt = risk.updatedAt;
        point.cause = cause;
        point.involuntaryScore = risk.involuntaryScore;
        point.voluntaryScore = risk.voluntaryScore;
        point.combinedScore = risk.combinedScore;
        point.modelVersion = risk.modelVersion;
        history.persist(point);

        evaluateAlert(risk, ChurnType.INVOLUNTARY, scores.involuntary(), risk.involuntaryLevel, scores.involuntaryReasons(), scores.modelVersion());
        evaluateAlert(risk, ChurnType.VOLUNTARY, scores.voluntary(), risk.voluntaryLevel, scores.voluntaryReasons(), scores.modelVersion());
    }

    private void evaluateAlert(CustomerRisk risk, ChurnType type, double score, RiskLevel level, List<Reason> reasons, String modelVersion) {
        ChurnAlert open = alerts.open(risk.customerId, type).orElse(null);
        BigDecimal scoreValue = FeatureUpdater.probability(score);
        Instant now = Instant.now();
        if (open == null) {
            if (!policy.raises(level)) {
                return;
            }
            open = new ChurnAlert();
            open.id = UUID.randomUUID();
            open.customerId = risk.customerId;
            open.churnType = type;
            open.status = ChurnAlert.Status.OPEN;
            open.raisedAt = now;
            update(open, level, scoreValue, reasons, modelVersion, risk.latestLoanId, now);
            alerts.persist(open);
            publishRaised(open, reasons);
            return;
        }
        if (level.compareTo(open.level) > 0) {
            update(open, level, scoreValue, reasons, modelVersion, risk.latestLoanId, now);
            publishRaised(open, reasons);
        } else if (policy.clears(score) && !underForbearance(risk)) {
            open.status = ChurnAlert.Status.CLEARED;
            open.clearedAt = now;
            open.updatedAt = now;
            open.score = scoreValue;
            outbox.publish(EventType.CHURN_RISK_ALERT_CLEARED, risk.customerId,
                    new Payloads.ChurnRiskAlertCleared(open.id, type.name(), scoreValue));
        } else {
            // same or lower level but above the clearing threshold: no flapping; it stays open at its level,
            // with the current score and reasons for whoever reads it
            open.score = scoreValue;
            open.reasons = json(reasons.stream().map(Reason::text).toList());
            open.modelVersion = modelVersion;
            open.updatedAt = now;
        }
    }

    /** A loan under forbearance probation stays watched: its alert does not clear before the end of probation. */
    private static boolean underForbearance(CustomerRisk risk) {
        return risk.forbearanceUntil != null && risk.forbearanceUntil.isAfter(LocalDate.now());
    }

    private void update(ChurnAlert alert, RiskLevel level, BigDecimal score, List<Reason> reasons, String modelVersion, UUID loanId,
            Instant now) {
        alert.level = level;
        alert.score = score;
        alert.reasons = json(reasons.stream().map(Reason::text).toList());
        alert.modelVersion = modelVersion;
        alert.loanId = loanId;
        alert.updatedAt = now;
    }

    private void publishRaised(ChurnAlert alert, List<Reason> reasons) {
        Log.infof("churn-risk alert %s: %s %s (score %s)", alert.id, alert.churnType, alert.level, alert.score);
        outbox.publish(EventType.CHURN_RISK_ALERT_RAISED, alert.customerId, new Payloads.ChurnRiskAlertRaised(alert.id,
                alert.churnType.name(), alert.level.name(), alert.score, reasons.stream().map(Reason::text).toList(),
                alert.modelVersion, alert.loanId));
    }

    private static List<Reason> concat(List<Reason> a, List<Reason> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
