package com.lendkeep.risk.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.risk.api.ActivationRequest;
import com.lendkeep.risk.api.ActivationResponse;
import com.lendkeep.risk.api.AuditEntry;
import com.lendkeep.risk.api.ModelComparison;
import com.lendkeep.risk.domain.ChurnModelRecord;
import com.lendkeep.risk.model.ModelTrainer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Four eyes on model activation, with the evidence in front of both analysts: a request shows the
 * candidate's hold-out AUC, Brier score and calibration next to the champion's and is refused when the
 * candidate is worse, unless forced with a reason; a second risk analyst (not the requester) approves.
 * Every step is audited.
 */
@ApplicationScoped
public class ModelGovernance {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ModelGovernance(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public ModelComparison compare(String version) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            ChurnModelRecord candidate = find(version);
            List<ChurnModelRecord> active = em.createQuery("from ChurnModelRecord where churnType = :t and status = :s and version <> :v",
                    ChurnModelRecord.class).setParameter("t", candidate.churnType).setParameter("s", ChurnModelRecord.Status.ACTIVE)
                    .setParameter("v", version).getResultList();
            ModelComparison.Side c = side(candidate);
            if (active.isEmpty()) {
                return new ModelComparison(c, null, false, "no learned champion: the scorecard scores " + candidate.churnType
                        + " and has no hold-out metrics to compare");
            }
            ModelComparison.Side champion = side(active.get(0));
            boolean lowerAuc = c.auc() < champion.auc();
            boolean higherBrier = c.brier() != null && champion.brier() != null && c.brier() > champion.brier();
            String verdict = lowerAuc || higherBrier
                    ? "worse than " + champion.version() + ":" + (lowerAuc ? " AUC " + round(c.auc()) + " < " + round(champion.auc()) : "")
                            + (higherBrier ? " Brier " + round(c.brier()) + " > " + round(champion.brier()) : "")
                    : "not worse than " + champion.version() + " (AUC " + round(c.auc()) + " vs " + round(champion.auc()) + ")";
            return new ModelComparison(c, champion, lowerAuc || higherBrier, verdict);
        });
    }

    /** Records the request of {@code actor}; 422 when the candidate is worse and not forced, 400 when forced without a reason. */
    public ActivationResponse request(String version, ActivationRequest body, String actor) {
        boolean force = body != null && Boolean.TRUE.equals(body.force());
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (force && reason == null) {
            throw ApiException.badRequest("reason", "a reason is required to force the activation of a model");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ModelComparison comparison = compare(version);
            if (comparison.worse() && !force) {
                throw ApiException.unprocessable("model " + version + " is " + comparison.verdict()
                        + "; request again with force=true and a reason to activate it anyway");
            }
            Instant now = Instant.now();
            em.createNativeQuery("INSERT INTO model_activation (version, requested_by, requested_at, forced, reason, comparison) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (version) DO UPDATE SET requested_by = EXCLUDED.requested_by, "
                    + "requested_at = EXCLUDED.requested_at, forced = EXCLUDED.forced, reason = EXCLUDED.reason, "
                    + "comparison = EXCLUDED.comparison, approved_by = NULL, approved_at = NULL")
                    .setParameter(1, version).setParameter(2, actor).setParameter(3, Timestamp.from(now)).setParameter(4, force)
                    .setParameter(5, reason).setParameter(6, StoredJson.write(mapper, comparison)).executeUpdate();
            audit(actor, force ? "ACTIVATION_REQUESTED_FORCED" : "ACTIVATION_REQUESTED", version, reason != null ? reason : comparison.verdict());
            return new ActivationResponse(version, actor, now, force, reason, comparison, null, null);
        });
    }

    /**
     * Approves the pending request of {@code version} as {@code approver}, in the caller's transaction:
     * 409 without a pending request, 403 when the approver made the request.
     */
    public ActivationResponse approve(String version, String approver) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT requested_by, requested_at, forced, reason, comparison FROM model_activation "
                + "WHERE version = ?1 AND approved_by IS NULL FOR UPDATE").setParameter(1, version).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.conflict("model " + version + " has no pending activation request: a risk analyst requests it "
                    + "(POST /models/" + version + "/activation-request), another one activates it");
        }
        Object[] r = rows.get(0);
        if (approver.equals(r[0])) {
            throw ApiException.forbidden("four eyes: " + approver + " requested the activation of " + version
                    + "; another risk analyst must approve it");
        }
        Instant now = Instant.now();
        em.createNativeQuery("UPDATE model_activation SET approved_by = ?1, approved_at = ?2 WHERE version = ?3")
                .setParameter(1, approver).setParameter(2, Timestamp.from(now)).setParameter(3, version).executeUpdate();
        audit(approver, "ACTIVATION_APPROVED", version, "requested by " + r[0]);
        return new ActivationResponse(version, (String) r[0], instant(r[1]), (Boolean) r[2], (String) r[3],
                StoredJson.read(mapper, (String) r[4], new TypeReference<ModelComparison>() {
                }), approver, now);
    }

    /** Writes an audit entry in the current transaction (joins one, or runs in its own). */
    public void audit(String actor, String action, String version, String detail) {
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("INSERT INTO model_audit (at, actor, action, version, detail) "
                + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, Timestamp.from(Instant.now())).setParameter(2, actor)
                .setParameter(3, action).setParameter(4, version).setParameter(5, detail).executeUpdate());
    }

    public List<AuditEntry> trail(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, at, actor, action, version, detail FROM model_audit ORDER BY id DESC")
                    .setMaxResults(limit).getResultList();
            return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5])).toList();
        });
    }

    private ModelComparison.Side side(ChurnModelRecord r) {
        ModelTrainer.Metrics m = StoredJson.read(mapper, r.metrics, new TypeReference<ModelTrainer.Metrics>() {
        });
        return new ModelComparison.Side(r.version, m.validationAuc(), m.brier(), m.calibration());
    }

    private ChurnModelRecord find(String version) {
        ChurnModelRecord r = em.find(ChurnModelRecord.class, version);
        if (r == null) {
            throw ApiException.notFound("model", version);
        }
        return r;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
