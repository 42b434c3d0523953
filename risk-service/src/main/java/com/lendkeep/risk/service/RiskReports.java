package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.risk.api.PortfolioResponse;
import com.lendkeep.risk.api.RiskProfileResponse;
import com.lendkeep.risk.api.RiskReportResponse;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RiskLevel;
import com.lendkeep.risk.repository.FeatureStore;
import com.lendkeep.risk.scoring.Feature;

/** The portfolio view and the per-customer assessment. Recommended actions are rules, stated as such. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RiskReports {

    private final EntityManager em;
    private final FeatureStore store;
    private final ObjectMapper mapper;

    public RiskReports(EntityManager em, FeatureStore store, ObjectMapper mapper) {
        this.em = em;
        this.store = store;
        this.mapper = mapper;
    }

    public PortfolioResponse portfolio(int limit) {
        Object[] totals = (Object[]) em.createNativeQuery("SELECT count(*), coalesce(sum(payments_total), 0), coalesce(sum(missed_total), 0) "
                + "FROM customer_risk").getSingleResult();
        Map<String, Map<String, Long>> byLevel = new LinkedHashMap<>();
        byLevel.put("INVOLUNTARY", counts("SELECT involuntary_level, count(*) FROM customer_risk GROUP BY 1"));
        byLevel.put("VOLUNTARY", counts("SELECT voluntary_level, count(*) FROM customer_risk GROUP BY 1"));
        Map<String, Map<String, Long>> open = new LinkedHashMap<>();
        for (Object[] row : rows("SELECT churn_type, level, count(*) FROM churn_alert WHERE status = 'OPEN' GROUP BY 1, 2")) {
            open.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
        }
        List<PortfolioResponse.TopCustomer> topAtRisk = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> top = em.createNativeQuery("SELECT customer_id, combined_score, involuntary_score, voluntary_score, model_version "
                + "FROM customer_risk ORDER BY combined_score DESC, customer_id").setMaxResults(limit).getResultList();
        for (Object[] row : top) {
            topAtRisk.add(new PortfolioResponse.TopCustomer((UUID) row[0], (BigDecimal) row[1], (BigDecimal) row[2], (BigDecimal) row[3],
                    (String) row[4]));
        }
        List<PortfolioResponse.DayCount> trend = new ArrayList<>();
        for (Object[] row : rows("SELECT CAST(raised_at AS date), count(*) FROM churn_alert WHERE raised_at > now() - interval '30 days' "
                + "GROUP BY 1 ORDER BY 1")) {
            java.time.LocalDate day = row[0] instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) row[0];
            trend.add(new PortfolioResponse.DayCount(day, ((Number) row[1]).longValue()));
        }
        return new PortfolioResponse(((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                ((Number) totals[2]).longValue(), byLevel, open, topAtRisk, trend);
    }

    public RiskReportResponse report(UUID customerId) {
        CustomerRisk r = store.risk(customerId).orElseThrow(() -> ApiException.notFound("risk profile of customer", customerId));
        List<RiskProfileResponse.ReasonView> reasons = read(r.reasons);
        List<String> involuntaryReasons = new ArrayList<>();
        List<String> voluntaryReasons = new ArrayList<>();
        // the stored reasons are the involuntary ones first, then the voluntary ones (see RiskService)
        for (RiskProfileResponse.ReasonView reason : reasons) {
            (isVoluntary(reason.code()) ? voluntaryReasons : involuntaryReasons).add(reason.text());
        }
        var involuntary = new RiskReportResponse.Assessment(r.involuntaryScore, r.involuntaryLevel, involuntaryReasons,
                involuntaryActions(r.involuntaryLevel, r));
        var voluntary = new RiskReportResponse.Assessment(r.voluntaryScore, r.voluntaryLevel, voluntaryReasons,
                voluntaryActions(r.voluntaryLevel, r));
        String narrative = "Risk of default or distress (involuntary churn): " + describe(r.involuntaryLevel, r.involuntaryScore)
                + (involuntaryReasons.isEmpty() ? "." : ", mainly because: " + String.join("; ", involuntaryReasons) + ".")
                + " Risk of leaving for another lender (voluntary churn): " + describe(r.voluntaryLevel, r.voluntaryScore)
                + (voluntaryReasons.isEmpty() ? "." : ", mainly because: " + String.join("; ", voluntaryReasons) + ".")
                + (r.forbearanceUntil != null ? " The loan is under forbearance probation until " + r.forbearanceUntil + "." : "");
        return new RiskReportResponse(customerId, narrative, involuntary, voluntary, r.modelVersion);
    }

    /** A scorecard feature of the voluntary type, or a learned model's input that carries a voluntary signal. */
    private static boolean isVoluntary(String code) {
        for (Feature f : Feature.values()) {
            if (code.equals(f.key()) || code.equals(f.vectorName())) {
                return f.churnType() == ChurnType.VOLUNTARY;
            }
        }
        return false;
    }

    private static String describe(RiskLevel level, BigDecimal p) {
        return level + " (" + p.multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP) + " %)";
    }

    /** Rules: what a lender usually does at each level of distress. */
    static List<String> involuntaryActions(RiskLevel level, CustomerRisk r) {
        List<String> actions = new ArrayList<>();
        switch (level) {
            case LOW -> actions.add("no action: keep monitoring");
            case MEDIUM -> {
                actions.add("send a payment reminder before the next due date");
                actions.add("offer a call to review the budget");
            }
            case HIGH -> {
                actions.add("call the customer within 5 days");
                actions.add("offer a payment extension or a payment holiday");
            }
            case CRITICAL -> {
                actions.add("call the customer within 2 days; assign a collections specialist");
                actions.add("offer restructuring (longer term or lower installment) before the loan reaches 90 days past due");
                actions.add("offer financial counselling");
            }
        }
        if (r.hardshipContacts > 0 && level != RiskLevel.LOW) {
            actions.add("the customer reported hardship: consider forbearance measures");
        }
        return actions;
    }

    static List<String> voluntaryActions(RiskLevel level, CustomerRisk r) {
        List<String> actions = new ArrayList<>();
        switch (level) {
            case LOW -> actions.add("no action: keep monitoring");
            case MEDIUM -> actions.add("relationship manager to check in with the customer");
            case HIGH, CRITICAL -> {
                actions.add("relationship manager call within 5 days");
                actions.add("consider a loyalty rate or matching the competitor's rate");
            }
        }
        if (r.complaints > 0 && level != RiskLevel.LOW) {
            actions.add("resolve the open service complaints first");
        }
        return actions;
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            counts.put(level.name(), 0L);
        }
        for (Object[] row : rows(sql)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private List<RiskProfileResponse.ReasonView> read(String json) {
        return StoredJson.read(mapper, json, new TypeReference<>() {
        });
    }

}
