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
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.PlainHolders;
import com.lendkeep.risk.domain.RiskLevel;
import com.lendkeep.risk.domain.ScoreHistory;
import com.lendkeep.risk.repository.FeatureStore;
import com.lendkeep.risk.repository.ScoreHistoryRepository;
import com.lendkeep.risk.repository.SnapshotStore;
import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.scoring.Reason;
import com.lendkeep.risk.scoring.RiskInputs;
import com.lendkeep.risk.scoring.RiskScorer;
import com.lendkeep.risk.scoring.RiskScores;

/**
 * Applies events to customers' features, re-scores each customer touched once per batch, keeps the
 * score history and has {@link AlertLifecycle} raise, move or clear alerts, all in the transaction of
 * the inbox (so a redelivered event changes nothing).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RiskService {

    /** An event with its validated payload (null for a type risk-service does not use: only its business date counts). */
    public record Change(EventEnvelope event, Object data) {
    }

    private final FeatureStore store;
    private final AlertLifecycle alertLifecycle;
    private final ScoreHistoryRepository history;
    private final RiskScorer scorer;
    private final AlertPolicy policy;
    private final BusinessCalendar calendar;
    private final RescorePlanner planner;
    private final FeatureUpdater updater;
    private final SnapshotStore snapshotStore;
    private final ObjectMapper mapper;

    public RiskService(FeatureStore store, AlertLifecycle alertLifecycle, ScoreHistoryRepository history, RiskScorer scorer,
            AlertPolicy policy, BusinessCalendar calendar, RescorePlanner planner, SnapshotStore snapshotStore, RiskConfig config,
            ObjectMapper mapper) {
        this.snapshotStore = snapshotStore;
        this.store = store;
        this.alertLifecycle = alertLifecycle;
        this.history = history;
        this.scorer = scorer;
        this.policy = policy;
        this.calendar = calendar;
        this.planner = planner;
        this.updater = new FeatureUpdater(config.signals().halfLifeDays());
        this.mapper = mapper;
    }

    /** Applies the changes in order, then scores every customer they touched once. */
    public void apply(List<Change> changes) {
        LocalDate latest = null;
        Map<UUID, List<Change>> byCustomer = new LinkedHashMap<>();
        for (Change c : changes) {
            LocalDate told = c.data() instanceof Payloads.BusinessDateChanged b ? b.businessDate() : c.event().businessDate();
            if (told != null && (latest == null || told.isAfter(latest))) {
                latest = told;
            }
            // system-wide events (the business date) and types risk-service does not use create no customer state
            if (c.data() != null && !EventEnvelope.SYSTEM_CUSTOMER_ID.equals(c.event().customerId())) {
                byCustomer.computeIfAbsent(c.event().customerId(), k -> new ArrayList<>()).add(c);
            }
        }
        calendar.advance(latest);
        if (byCustomer.isEmpty()) {
            return;
        }
        Map<UUID, CustomerState> states = store.lockOrCreate(byCustomer.keySet());
        snapshotDaysEnded(states.values());
        Map<UUID, String> causes = new HashMap<>();
        List<Object[]> outcomes = new ArrayList<>();
        for (var entry : byCustomer.entrySet()) {
            CustomerState state = states.get(entry.getKey());
            for (Change c : entry.getValue()) {
                update(state, c.data(), c.event().businessDate());
                causes.put(entry.getKey(), c.event().type().name());
                if (c.data() instanceof Payloads.LoanClosed closed && outcome(closed) != null) {
                    outcomes.add(new Object[] {entry.getKey(), closed.loanId(), outcome(closed).name(), closed.closedOn()});
                }
            }
        }
        store.recordOutcomes(outcomes);
        score(new ArrayList<>(states.values()), causes, null); // the day-end snapshots were taken before the events
    }

    /**
     * Point in time: the first batch of a customer on a new business date finds its state as the last scored day
     * ended, before this batch's events, and keeps the learned models' inputs of that day as its snapshot. One
     * snapshot per customer and business day, whatever the number of events.
     */
    private void snapshotDaysEnded(java.util.Collection<CustomerState> states) {
        List<SnapshotStore.Snapshot> ended = new ArrayList<>();
        for (CustomerState s : states) {
            LocalDate last = s.risk.snapshotOn;
            if (last != null && calendar.today(s.risk).isAfter(last)) {
                ended.add(new SnapshotStore.Snapshot(s.risk.customerId, last, scorer.vectorOn(s, last)));
            }
        }
        snapshotStore.write(ended);
    }

    /** The churn a closure is, for monitoring: charged off is involuntary, prepaid voluntary; repaid at term is neither. */
    private static ChurnType outcome(Payloads.LoanClosed closed) {
        return switch (closed.closure()) {
            case "CHARGED_OFF" -> ChurnType.INVOLUNTARY;
            case "PREPAID" -> ChurnType.VOLUNTARY;
            default -> null;
        };
    }

    private void update(CustomerState s, Object data, LocalDate businessDate) {
        switch (data) {
            case Payloads.PaymentMissed e -> updater.paymentMissed(s, e);
            case Payloads.RepaymentReceived e -> updater.repaymentReceived(s, e);
            case Payloads.RepaymentReversed e -> updater.repaymentReversed(s, e);
            case Payloads.DelinquencyChanged e -> updater.delinquencyChanged(s, e, businessDate);
            case Payloads.CreditScoreChanged e -> updater.creditScoreChanged(s, e);
            case Payloads.ContactLogged e -> updater.contactLogged(s, e);
            case Payloads.PayoffQuoted e -> updater.payoffQuoted(s, e);
            case Payloads.LoanOpened e -> updater.loanOpened(s, e);
            case Payloads.LoanModified e -> updater.loanModified(s, e);
            case Payloads.LoanClosed e -> updater.loanClosed(s, e);
            case Payloads.TierChanged e -> updater.tierChanged(s, e);
            case Payloads.GradeChanged e -> updater.gradeChanged(s, e);
            default -> throw new IllegalArgumentException("no feature update for " + data.getClass().getSimpleName());
        }
    }

    /**
     * Scores the customers with the current models, acts on the result and writes their state back. {@code causes} says per
     * customer why (an event type), {@code defaultCause} is used for the others (a model change, the scheduled re-score).
     */
    public void rescore(List<CustomerState> states, Map<UUID, String> causes, String defaultCause) {
        if (states.isEmpty()) {
            return;
        }
        snapshotDaysEnded(states); // re-scores without events (scheduled, model change) end days too
        score(states, causes, defaultCause);
    }

    private void score(List<CustomerState> states, Map<UUID, String> causes, String defaultCause) {
        List<RiskScorer.Result> results = scorer.score(states);
        Map<String, ChurnAlert> open = alertLifecycle.openFor(states.stream().map(s -> s.risk.customerId).toList());
        Instant now = Instant.now();
        List<ScoreHistory> points = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            CustomerState state = states.get(i);
            CustomerRisk risk = state.risk;
            RiskScorer.Result result = results.get(i);
            RiskScores scores = result.scores();
            RiskInputs in = result.inputs();
            BigDecimal previousInvoluntary = risk.involuntaryScore;
            BigDecimal previousVoluntary = risk.voluntaryScore;
            RiskLevel previousInvoluntaryLevel = risk.involuntaryLevel;
            RiskLevel previousVoluntaryLevel = risk.voluntaryLevel;
            BigDecimal previousInvoluntaryChallenger = risk.challengerScore;
            BigDecimal previousVoluntaryChallenger = risk.voluntaryChallengerScore;
            risk.involuntaryScore = FeatureUpdater.probability(scores.involuntary());
            risk.voluntaryScore = FeatureUpdater.probability(scores.voluntary());
            risk.combinedScore = FeatureUpdater.probability(scores.combined());
            risk.involuntaryLevel = policy.levelOf(scores.involuntary());
            risk.voluntaryLevel = policy.levelOf(scores.voluntary());
            risk.modelVersion = scores.modelVersion();
            risk.challengerScore = result.involuntaryChallenger();
            risk.voluntaryChallengerScore = result.voluntaryChallenger();
            risk.challengerVersion = result.challengerVersion();
            risk.voluntaryChallengerVersion = result.voluntaryChallenger() == null ? null : result.challengerVersion();
            risk.reasons = json(concat(scores.involuntaryReasons(), scores.voluntaryReasons()));
            risk.updatedAt = now;
            // the worst loan's arrears, for whoever reads the row
            risk.daysPastDue = in.daysPastDue();
            risk.consecutiveMissed = in.consecutiveMissed();
            risk.maxDaysPastDue = Math.max(risk.maxDaysPastDue, in.daysPastDue());
            LocalDate delinquentSince = null; // the earliest of the loans' (a loop: this runs for every customer of every batch)
            for (LoanState loan : state.loans) {
                delinquentSince = RescorePlanner.earliest(delinquentSince, loan.delinquentSince);
            }
            risk.delinquentSince = delinquentSince;
            risk.rescoreDue = planner.nextRescore(state, in);
            risk.snapshotOn = in.today();

            if (history.worthKeeping(previousInvoluntary, risk.involuntaryScore, previousVoluntary, risk.voluntaryScore,
                    previousInvoluntaryChallenger, risk.challengerScore, previousVoluntaryChallenger, risk.voluntaryChallengerScore)
                    || previousInvoluntaryLevel != risk.involuntaryLevel || previousVoluntaryLevel != risk.voluntaryLevel) {
                ScoreHistory point = PlainHolders.untracked(new ScoreHistory());
                point.customerId = risk.customerId;
                point.scoredAt = now;
                point.cause = causes.getOrDefault(risk.customerId, defaultCause);
                point.involuntaryScore = risk.involuntaryScore;
                point.voluntaryScore = risk.voluntaryScore;
                point.combinedScore = risk.combinedScore;
                point.modelVersion = risk.modelVersion;
                point.involuntaryChallenger = result.involuntaryChallenger();
                point.voluntaryChallenger = result.voluntaryChallenger();
                point.challengerVersion = result.challengerVersion();
                point.businessDate = in.today();
                points.add(point);
            }

            UUID worstLoan = in.worstLoanId() != null ? in.worstLoanId() : risk.latestLoanId;
            boolean pending = alertLifecycle.evaluate(risk, ChurnType.INVOLUNTARY, scores.involuntary(), scores.involuntaryReasons(),
                    scores.involuntaryModel(), worstLoan, openAlert(open, risk.customerId, ChurnType.INVOLUNTARY), now,
                    in.today());
            pending |= alertLifecycle.evaluate(risk, ChurnType.VOLUNTARY, scores.voluntary(), scores.voluntaryReasons(),
                    scores.voluntaryModel(), risk.latestLoanId, openAlert(open, risk.customerId, ChurnType.VOLUNTARY), now,
                    in.today());
            if (pending) {
                // an alert waits to be lowered: score again on the next business date even without an event
                risk.rescoreDue = RescorePlanner.earliest(risk.rescoreDue, in.today().plusDays(1));
            }
        }
        store.save(states);
        history.insertAll(points);
    }

    /** The customer's open alert of {@code type}, or null; most batches have no open alert, and then no key is built. */
    private static ChurnAlert openAlert(Map<String, ChurnAlert> open, UUID customerId, ChurnType type) {
        return open.isEmpty() ? null : open.get(AlertLifecycle.key(customerId, type));
    }

    private static List<Reason> concat(List<Reason> a, List<Reason> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private String json(Object value) {
        return StoredJson.write(mapper, value);
    }
}
