package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.lendkeep.platform.metrics.RocAuc;
import com.lendkeep.risk.api.MonitoringResponse;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.LearnedModel;
import com.lendkeep.risk.model.ModelRegistry;
import com.lendkeep.risk.model.ModelTrainer;
import com.lendkeep.risk.repository.FeatureStore;
import com.lendkeep.risk.scoring.RiskScorer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Champion and challenger on matured outcomes, and population stability. A prediction is each
 * customer's latest kept score dated at least {@code horizon} days before the business date; its
 * outcome is whether the customer churned (a charged-off loan: involuntary; a prepaid loan:
 * voluntary) in the horizon after it. Customers who had churned before the prediction are left out.
 */
@ApplicationScoped
public class ModelMonitoring {

    static final double PSI_DRIFT = 0.25;
    private static final int PSI_SAMPLE = 5000;

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final ModelRegistry registry;
    private final FeatureStore store;
    private final RiskScorer scorer;

    public ModelMonitoring(EntityManager em, BusinessCalendar calendar, ModelRegistry registry, FeatureStore store, RiskScorer scorer) {
        this.em = em;
        this.calendar = calendar;
        this.registry = registry;
        this.store = store;
        this.scorer = scorer;
    }

    public MonitoringResponse report(ChurnType type, int horizonDays) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDate today = Optional.ofNullable(calendar.refresh()).orElse(LocalDate.now());
            LocalDate cutoff = today.minusDays(horizonDays);
            String column = type == ChurnType.INVOLUNTARY ? "involuntary" : "voluntary";
            // each customer's latest kept score on or before the cutoff and before its churn, with the churn date if any
            @SuppressWarnings("unchecked")
            List<Object[]> predictions = em.createNativeQuery("SELECT DISTINCT ON (h.customer_id) h.customer_id, h.business_date, h."
                    + column + "_score, h." + column + "_challenger, o.churned_on FROM score_history h LEFT JOIN (SELECT customer_id, "
                    + "min(outcome_date) AS churned_on FROM churn_outcome WHERE churn_type = ?2 GROUP BY customer_id) o "
                    + "ON o.customer_id = h.customer_id WHERE h.business_date <= ?1 AND (o.churned_on IS NULL OR h.business_date < o.churned_on) "
                    + "ORDER BY h.customer_id, h.business_date DESC, h.id DESC").setParameter(1, cutoff).setParameter(2, type.name())
                    .getResultList();
            List<double[]> champion = new ArrayList<>();
            List<double[]> challenger = new ArrayList<>();
            int churned = 0;
            for (Object[] p : predictions) {
                LocalDate predicted = date(p[1]);
                LocalDate outcome = p[4] == null ? null : date(p[4]);
                boolean positive = outcome != null && !outcome.isAfter(predicted.plusDays(horizonDays));
                churned += positive ? 1 : 0;
                champion.add(new double[] {((BigDecimal) p[2]).doubleValue(), positive ? 1 : 0});
                if (p[3] != null) {
                    challenger.add(new double[] {((BigDecimal) p[3]).doubleValue(), positive ? 1 : 0});
                }
            }
            Optional<LearnedModel> active = registry.active(type);
            Map<String, Double> psi = active.map(m -> m.psi(scorer.vectors(new ArrayList<>(store.read(store.idsAfter(null, PSI_SAMPLE))
                    .values())))).orElse(Map.of());
            List<String> drifted = psi.entrySet().stream().filter(e -> e.getValue() > PSI_DRIFT).map(Map.Entry::getKey).toList();
            return new MonitoringResponse(type, today, horizonDays, champion.size(), churned, performance(champion),
                    challenger.isEmpty() ? null : performance(challenger), active.map(LearnedModel::version).orElse(null),
                    active.isPresent() ? Math.min(PSI_SAMPLE, (int) store.count()) : 0, psi, PSI_DRIFT, !drifted.isEmpty(), drifted);
        });
    }

    private static MonitoringResponse.Performance performance(List<double[]> rows) {
        double[] p = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1] == 1;
            positives += y[i] ? 1 : 0;
        }
        Double auc = positives == 0 || positives == p.length ? null : RocAuc.of(p, y);
        return new MonitoringResponse.Performance(p.length, auc, ModelTrainer.brier(p, y), ModelTrainer.calibration(p, y));
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
