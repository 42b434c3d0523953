package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
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
import com.lendkeep.risk.repository.FeatureStore;
import com.lendkeep.risk.repository.ScoreHistoryRepository;
import com.lendkeep.risk.scoring.Reason;
import com.lendkeep.risk.scoring.RiskScorer;
import com.lendkeep.risk.scoring.RiskScores;

import io.quarkus.logging.Log;

/**
 * Applies events to customers' features, re-scores each customer touched once per batch, and
 * raises, escalates or clears alerts, all in the transaction of the inbox (so a redelivered event
 * changes nothing).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RiskService {

    /** An event with its validated payload. */
    public record Change(EventEnvelope event, Object data) {
    }

    private final FeatureStore store;
    private final ChurnAlertRepository alerts;
    private final ScoreHistoryRepository history;
    private final RiskScorer scorer;
    private final AlertPolicy policy;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public RiskService(FeatureStore store, ChurnAlertRepository alerts, ScoreHistoryRepository history, RiskScorer scorer,
            AlertPolicy policy, Outbox outbox, ObjectMapper mapper) {
        this.store = store;
        this.alerts = alerts;
        this.history = history;
        this.scorer = scorer;
        this.policy = policy;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** Applies the changes in order, then scores every customer they touched once. */
    public void apply(List<Change> changes) {
        Map<UUID, List<Change>> byCustomer = new LinkedHashMap<>();
        for (Change c : changes) {
            byCustomer.computeIfAbsent(c.event().customerId(), k -> new ArrayList<>()).add(c);
        }
        Map<UUID, CustomerState> states = store.lockOrCreate(byCustomer.keySet());
        Map<UUID, String> causes = new HashMap<>();
        for (var entry : byCustomer.entrySet()) {
            CustomerState state = states.get(entry.getKey());
            for (Change c : entry.getValue()) {
                update(state, c.data());
                causes.put(entry.getKey(), c.event().type().name());
            }
        }
        rescore(new ArrayList<>(states.values()), causes, null);
    }

    private static void update(CustomerState s, Object data) {
        switch (data) {
            case Payloads.PaymentMissed e -> FeatureUpdater.paymentMissed(s, e);
            case Payloads.RepaymentReceived e -> FeatureUpdater.repaymentReceived(s, e);
            case Payloads.DelinquencyChanged e -> FeatureUpdater.delinquencyChanged(s, e);
            case Payloads.CreditScoreChanged e -> FeatureUpdater.creditScoreChanged(s, e);
            case Payloads.ContactLogged e -> FeatureUpdater.contactLogged(s, e);
            case Payloads.LoanOpened e -> FeatureUpdater.loanOpened(s, e);
            case Payloads.LoanModified e -> FeatureUpdater.loanModified(s, e);
            case Payloads.LoanClosed e -> FeatureUpdater.loanClosed(s, e);
            case Payloads.TierChanged e -> FeatureUpdater.tierChanged(s, e);
            case Payloads.GradeChanged e -> FeatureUpdater.gradeChanged(s, e);
            default -> throw new IllegalArgumentException("no feature update for " + data.getClass().getSimpleName());
        }
    }

    /**
     * Scores the customers with the current models, acts on the result and writes their state back. {@code causes} says per
     * customer why (an event type), {@code defaultCause} is used for the others (a model change).
     */
    public void rescore(List<CustomerState> states, Map<UUID, String> causes, String defaultCause) {
        if (states.isEmpty()) {
            return;
        }
        List<RiskScorer.Result> results = scorer.score(states);
        Map<String, ChurnAlert> open = openAlerts(states);
        Instant now = Instant.now();
        List<ScoreHistory> points = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            CustomerRisk risk = states.get(i).risk;
            RiskScores scores = results.get(i).scores();
            risk.involuntaryScore = FeatureUpdater.probability(scores.involuntary());
            risk.voluntaryScore = FeatureUpdater.probability(scores.voluntary());
            risk.combinedScore = FeatureUpdater.probability(scores.combined());
            risk.involuntaryLevel = policy.levelOf(scores.involuntary());
            risk.voluntaryLevel = policy.levelOf(scores.voluntary());
            risk.modelVersion = scores.modelVersion();
            risk.challengerScore = results.get(i).challengerScore();
            risk.challengerVersion = results.get(i).challengerVersion();
            risk.reasons = json(concat(scores.involuntaryReasons(), scores.voluntaryReasons()));
            risk.updatedAt = now;

            ScoreHistory point = new ScoreHistory();
            point.customerId = risk.customerId;
            point.scoredAt = now;
            point.cause = causes.getOrDefault(risk.customerId, defaultCause);
            point.involuntaryScore = risk.involuntaryScore;
            point.voluntaryScore = risk.voluntaryScore;
            point.combinedScore = risk.combinedScore;
            point.modelVersion = risk.modelVersion;
            points.add(point);

            evaluateAlert(risk, ChurnType.INVOLUNTARY, scores.involuntary(), risk.involuntaryLevel, scores.involuntaryReasons(),
                    scores.involuntaryModel(), open.get(risk.customerId + ":" + ChurnType.INVOLUNTARY), now);
            evaluateAlert(risk, ChurnType.VOLUNTARY, scores.voluntary(), risk.voluntaryLevel, scores.voluntaryReasons(),
                    scores.voluntaryModel(), open.get(risk.customerId + ":" + ChurnType.VOLUNTARY), now);
        }
        store.save(states);
        history.insertAll(points);
    }

    private Map<String, ChurnAlert> openAlerts(List<CustomerState> states) {
        Map<String, ChurnAlert> open = new HashMap<>();
        for (ChurnAlert a : alerts.openFor(states.stream().map(s -> s.risk.customerId).toList())) {
            open.put(a.customerId + ":" + a.churnType, a);
        }
        return open;
    }

    private void evaluateAlert(CustomerRisk risk, ChurnType type, double score, RiskLevel level, List<Reason> reasons,
            String modelVersion, ChurnAlert open, Instant now) {
        BigDecimal scoreValue = FeatureUpdater.probability(score);
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

    /**
     * A loan under forbearance probation stays watched: its alert does not clear before the end of
     * probation, judged by the loan book's date as the events tell it (not the wall clock).
     */
    private static boolean underForbearance(CustomerRisk risk) {
        if (risk.forbearanceUntil == null) {
            return false;
        }
        LocalDate today = risk.asOf != null ? risk.asOf : LocalDate.now();
        return risk.forbearanceUntil.isAfter(today);
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
        Log.debugf("churn-risk alert %s: %s %s (score %s)", alert.id, alert.churnType, alert.level, alert.score);
        outbox.publish(EventType.CHURN_RISK_ALERT_RAISED, alert.customerId, new Payloads.ChurnRiskAlertRaised(alert.id,
                alert.churnType.name(), alert.level.name(), alert.score, reasons.stream().map(Reason::text).toList(),
                alert.modelVersion, alert.loanId));
    }

    private static List<Reason> concat(List<Reason> a, List<Reason> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private String json(Object value) {
        return StoredJson.write(mapper, value);
    }
}
