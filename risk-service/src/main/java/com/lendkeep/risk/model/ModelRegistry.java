package com.lendkeep.risk.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.risk.domain.ChurnModelRecord;
import com.lendkeep.risk.domain.ChurnType;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Which learned model is active (and which shadows it as challenger) for each churn type. The
 * database is the truth, so that every instance of the service scores with the same model; this
 * cache looks again at most every two seconds, or at once after a change made here.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final long REFRESH_MS = 2000;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Map<String, LearnedModel> loaded = new ConcurrentHashMap<>();
    private volatile Map<ChurnType, String> active = Map.of();
    private volatile Map<ChurnType, String> challenger = Map.of();
    private volatile long checkedAt;

    public ModelRegistry(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public Optional<LearnedModel> active(ChurnType type) {
        refreshIfStale();
        return Optional.ofNullable(active.get(type)).map(this::load);
    }

    public Optional<LearnedModel> challenger(ChurnType type) {
        refreshIfStale();
        return Optional.ofNullable(challenger.get(type)).map(this::load);
    }

    public void invalidate() {
        checkedAt = 0;
    }

    private void refreshIfStale() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < REFRESH_MS) {
            return;
        }
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                "select m.version, m.churnType, m.status from ChurnModelRecord m where m.status in (:a, :c)", Object[].class)
                .setParameter("a", ChurnModelRecord.Status.ACTIVE)
                .setParameter("c", ChurnModelRecord.Status.CHALLENGER)
                .getResultList());
        Map<ChurnType, String> a = new EnumMap<>(ChurnType.class);
        Map<ChurnType, String> c = new EnumMap<>(ChurnType.class);
        for (Object[] row : rows) {
            (row[2] == ChurnModelRecord.Status.ACTIVE ? a : c).put((ChurnType) row[1], (String) row[0]);
        }
        active = a;
        challenger = c;
        checkedAt = now;
    }

    private LearnedModel load(String version) {
        return loaded.computeIfAbsent(version, v -> QuarkusTransaction.joiningExisting().call(() -> {
            ChurnModelRecord record = em.find(ChurnModelRecord.class, v);
            if (record == null) {
                throw new IllegalStateException("model " + v + " is gone");
            }
            return new LearnedModel(v, ModelCodec.fromBytes(record.model), read(record.featureNames, new TypeReference<List<String>>() {
            }), read(record.baseline, new TypeReference<double[]>() {
            }), record.trainingStats == null ? null : read(record.trainingStats, new TypeReference<List<ColumnStats>>() {
            }));
        }));
    }

    private <T> T read(String json, TypeReference<T> type) {
        return StoredJson.read(mapper, json, type);
    }
}
