package com.lendkeep.risk.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.risk.api.ModelResponse;
import com.lendkeep.risk.api.TrainRequest;
import com.lendkeep.risk.domain.ChurnModelRecord;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.FeatureVector;
import com.lendkeep.risk.model.ModelCodec;
import com.lendkeep.risk.model.ModelRegistry;
import com.lendkeep.risk.model.ModelTrainer;
import com.lendkeep.risk.repository.FeatureStore;
import com.lendkeep.risk.repository.SnapshotStore;
import com.lendkeep.risk.scoring.RiskScorer;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Model versions: train from labelled outcomes, activate (then every customer is re-scored in the
 * background), set a challenger, roll back by activating an earlier version, or go back to the
 * scorecard by retiring the active model.
 */
@ApplicationScoped
public class ModelService {

    private static final int MIN_EXAMPLES = 50;
    private static final int RESCORE_PAGE = 500;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final EntityManager em;
    private final FeatureStore store;
    private final RiskScorer scorer;
    private final ModelRegistry registry;
    private final RiskService risk;
    private final ModelGovernance governance;
    private final SnapshotStore snapshots;
    private final ObjectMapper mapper;
    private final int threads;
    private final Map<String, long[]> rescoring = new ConcurrentHashMap<>();

    public ModelService(EntityManager em, FeatureStore store, RiskScorer scorer, ModelRegistry registry, RiskService risk,
            ModelGovernance governance, SnapshotStore snapshots, ObjectMapper mapper,
            @ConfigProperty(name = "risk.training.threads", defaultValue = "2") int threads) {
        this.snapshots = snapshots;
        this.em = em;
        this.store = store;
        this.scorer = scorer;
        this.registry = registry;
        this.risk = risk;
        this.governance = governance;
        this.mapper = mapper;
        this.threads = threads;
    }

    public ModelResponse train(TrainRequest request, String actor) {
        Map<UUID, Boolean> labels = new HashMap<>();
        Map<UUID, java.time.LocalDate> predictedOn = new HashMap<>();
        for (TrainRequest.Outcome o : request.outcomes()) {
            java.time.LocalDate on = o.predictionDate() != null ? o.predictionDate() : request.predictionDate();
            if (on != null) {
                predictedOn.put(o.customerId(), on);
            }
            boolean churned = request.churnType() == ChurnType.INVOLUNTARY
                    ? o.outcome() == TrainRequest.OutcomeKind.CHURNED_INVOLUNTARY
                    : o.outcome() == TrainRequest.OutcomeKind.CHURNED_VOLUNTARY;
            if (labels.put(o.customerId(), churned) != null) {
                throw ApiException.badRequest("outcomes", "customer " + o.customerId() + " appears twice");
            }
        }
        List<ModelTrainer.Row> rows = new ArrayList<>(labels.size());
        List<UUID> ids = new ArrayList<>(labels.keySet());
        for (int from = 0; from < ids.size(); from += 5000) {
            List<UUID> page = ids.subList(from, Math.min(ids.size(), from + 5000));
            QuarkusTransaction.requiringNew().run(() -> rows.addAll(rows(page, labels, predictedOn)));
        }
        int unknown = labels.size() - rows.size();
        long positives = rows.stream().filter(ModelTrainer.Row::churned).count();
        if (rows.size() < MIN_EXAMPLES) {
            throw ApiException.unprocessable("only " + rows.size() + " of the customers are known to risk-service; at least "
                    + MIN_EXAMPLES + " are needed");
        }
        if (positives == 0 || positives == rows.size()) {
            throw ApiException.unprocessable("the outcomes must include customers who churned (" + request.churnType()
                    + ") and customers who did not; got " + positives + " of " + rows.size());
        }
        long seed = request.seed() == null ? 42L : request.seed();
        long started = System.nanoTime();
        ModelTrainer.Result result = ModelTrainer.train(request.algorithm(), rows, seed, threads);
        Log.infof("trained %s on %d customers (%d churned) in %.1f s, validation AUC %.4f", request.algorithm(), rows.size(), positives,
                (System.nanoTime() - started) / 1e9, result.metrics().validationAuc());

        ChurnModelRecord record = new ChurnModelRecord();
        record.version = (request.algorithm() == com.lendkeep.risk.model.Algorithm.LOGISTIC_REGRESSION ? "lr-" : "gbt-")
                + request.churnType().name().substring(0, 3).toLowerCase() + "-" + STAMP.format(Instant.now()) + "-"
                + UUID.randomUUID().toString().substring(0, 4);
        record.algorithm = request.algorithm().name();
        record.churnType = request.churnType();
        record.status = ChurnModelRecord.Status.TRAINED;
        record.createdAt = Instant.now();
        record.trainingSize = rows.size();
        record.positives = (int) positives;
        record.metrics = json(result.metrics());
        record.featureNames = json(FeatureVector.NAMES);
        record.baseline = json(result.baseline());
        record.trainingStats = json(result.stats());
        record.model = ModelCodec.toBytes(result.model());
        QuarkusTransaction.requiringNew().run(() -> {
            em.persist(record);
            governance.audit(actor, "TRAINED", record.version, rows.size() + " customers, validation AUC "
                    + String.format(java.util.Locale.ROOT, "%.4f", result.metrics().validationAuc()));
        });
        return toResponse(record, unknown);
    }

    /**
     * Point in time: a customer with a prediction date is joined with its feature snapshot of that date (the latest on
     * or before it); one without is joined with its current features. A customer with neither is unknown.
     */
    private List<ModelTrainer.Row> rows(List<UUID> page, Map<UUID, Boolean> labels, Map<UUID, java.time.LocalDate> predictedOn) {
        List<ModelTrainer.Row> rows = new ArrayList<>();
        Map<java.time.LocalDate, List<UUID>> byDate = new HashMap<>();
        List<UUID> current = new ArrayList<>();
        for (UUID id : page) {
            java.time.LocalDate on = predictedOn.get(id);
            if (on == null) {
                current.add(id);
            } else {
                byDate.computeIfAbsent(on, d -> new ArrayList<>()).add(id);
            }
        }
        byDate.forEach((date, ids) -> snapshots.at(ids, date).forEach((id, v) -> rows.add(new ModelTrainer.Row(v, labels.get(id)))));
        if (!current.isEmpty()) {
            var states = new ArrayList<>(store.read(current).values());
            List<double[]> vectors = scorer.vectors(states);
            for (int i = 0; i < states.size(); i++) {
                rows.add(new ModelTrainer.Row(vectors.get(i), labels.get(states.get(i).risk.customerId)));
            }
        }
        return rows;
    }

    public List<ModelResponse> list() {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("from ChurnModelRecord order by createdAt desc", ChurnModelRecord.class).getResultList()
                .stream().map(r -> toResponse(r, null)).toList());
    }

    public ModelResponse get(String version) {
        return QuarkusTransaction.requiringNew().call(() -> toResponse(find(version, false), null));
    }

    /**
     * Makes {@code version} the model of its churn type, retiring the one before, once {@code approver} (not the
     * requester) approves its pending request; re-scores everyone in the background.
     */
    public ModelResponse activate(String version, String approver) {
        ChurnModelRecord activated = QuarkusTransaction.requiringNew().call(() -> {
            ChurnModelRecord record = find(version, true);
            governance.approve(version, approver);
            em.createQuery("update ChurnModelRecord set status = :retired where churnType = :type and status = :active and version <> :v")
                    .setParameter("retired", ChurnModelRecord.Status.RETIRED).setParameter("type", record.churnType)
                    .setParameter("active", ChurnModelRecord.Status.ACTIVE).setParameter("v", version).executeUpdate();
            em.flush();
            record.status = ChurnModelRecord.Status.ACTIVE;
            record.activatedAt = Instant.now();
            return record;
        });
        registry.invalidate();
        startRescoring(version, "MODEL_ACTIVATED " + version);
        return get(activated.version);
    }

    /** Retires the active model of {@code type}: the scorecard scores again. */
    public void retireActive(ChurnType type, String actor) {
        int changed = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("update ChurnModelRecord set status = :retired where churnType = :type and status = :active")
                .setParameter("retired", ChurnModelRecord.Status.RETIRED).setParameter("type", type)
                .setParameter("active", ChurnModelRecord.Status.ACTIVE).executeUpdate());
        if (changed == 0) {
            throw ApiException.unprocessable("no learned model is active for " + type + ": the scorecard already scores");
        }
        governance.audit(actor, "RETIRED_ACTIVE", null, type.name());
        registry.invalidate();
        startRescoring("scorecard-" + type, "MODEL_RETIRED");
    }

    /** Shadow-scores with {@code version} beside the active model. */
    public ModelResponse challenge(String version, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChurnModelRecord record = find(version, true);
            if (record.status == ChurnModelRecord.Status.ACTIVE) {
                throw ApiException.conflict("model " + version + " is active; a challenger must be another version");
            }
            em.createQuery("update ChurnModelRecord set status = :trained where churnType = :type and status = :challenger")
                    .setParameter("trained", ChurnModelRecord.Status.TRAINED).setParameter("type", record.churnType)
                    .setParameter("challenger", ChurnModelRecord.Status.CHALLENGER).executeUpdate();
            em.flush();
            record.status = ChurnModelRecord.Status.CHALLENGER;
            governance.audit(actor, "CHALLENGER_SET", version, record.churnType.name());
        });
        registry.invalidate();
        startRescoring(version, "CHALLENGER " + version);
        return get(version);
    }

    private void startRescoring(String key, String cause) {
        long total = QuarkusTransaction.requiringNew().call(() -> store.count());
        long[] progress = {0, total, 0};
        rescoring.put(key, progress);
        Thread.ofVirtual().name("rescore-" + key).start(() -> {
            try {
                UUID after = null;
                while (true) {
                    UUID from = after;
                    List<UUID> page = QuarkusTransaction.requiringNew().call(() -> store.idsAfter(from, RESCORE_PAGE));
                    if (page.isEmpty()) {
                        break;
                    }
                    QuarkusTransaction.requiringNew().run(() -> risk.rescore(new ArrayList<>(store.lockOrCreate(page).values()),
                            Map.of(), cause));
                    progress[0] += page.size();
                    after = page.get(page.size() - 1);
                }
                Log.infof("re-scored %d customers after %s", progress[0], cause);
            } catch (RuntimeException e) {
                Log.errorf(e, "re-scoring after %s stopped at %d of %d customers", cause, progress[0], progress[1]);
            } finally {
                progress[2] = 1;
            }
        });
    }

    private ChurnModelRecord find(String version, boolean lock) {
        ChurnModelRecord r = lock ? em.find(ChurnModelRecord.class, version, LockModeType.PESSIMISTIC_WRITE)
                : em.find(ChurnModelRecord.class, version);
        if (r == null) {
            throw ApiException.notFound("model", version);
        }
        return r;
    }

    private ModelResponse toResponse(ChurnModelRecord r, Integer unknown) {
        long[] p = rescoring.get(r.version);
        return new ModelResponse(r.version, r.algorithm, r.churnType, r.status, r.createdAt, r.activatedAt, r.trainingSize,
                r.positives, read(r.metrics, new TypeReference<ModelTrainer.Metrics>() {
                }), read(r.featureNames, new TypeReference<List<String>>() {
                }), unknown, p == null ? null : new ModelResponse.Progress(p[0], p[1], p[2] == 1));
    }

    private String json(Object value) {
        return StoredJson.write(mapper, value);
    }

    private <T> T read(String json, TypeReference<T> type) {
        return StoredJson.read(mapper, json, type);
    }

}
