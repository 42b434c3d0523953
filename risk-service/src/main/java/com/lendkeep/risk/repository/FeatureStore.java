package com.lendkeep.risk.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RepaymentPeriod;
import com.lendkeep.risk.service.CustomerState;

/** Loads many customers' risk state in three queries, whatever their number (no per-customer round trips). */
@ApplicationScoped
public class FeatureStore {

    private final EntityManager em;

    public FeatureStore(EntityManager em) {
        this.em = em;
    }

    /**
     * The customers' states, rows created when new and locked until the transaction ends, in
     * customer-id order (so that two batches lock in the same order and cannot deadlock).
     */
    public Map<UUID, CustomerState> lockOrCreate(Collection<UUID> customerIds) {
        UUID[] ids = customerIds.stream().sorted().toArray(UUID[]::new);
        em.createNativeQuery("INSERT INTO customer_risk (customer_id, updated_at) SELECT id, now() FROM unnest(CAST(?1 AS uuid[])) AS id "
                + "ON CONFLICT (customer_id) DO NOTHING").setParameter(1, ids).executeUpdate();
        List<CustomerRisk> risks = em.createQuery("from CustomerRisk where customerId in :ids order by customerId", CustomerRisk.class)
                .setParameter("ids", List.of(ids)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return states(risks);
    }

    /** States of existing customers, read-only. */
    public Map<UUID, CustomerState> read(Collection<UUID> customerIds) {
        List<CustomerRisk> risks = em.createQuery("from CustomerRisk where customerId in :ids order by customerId", CustomerRisk.class)
                .setParameter("ids", customerIds).getResultList();
        return states(risks);
    }

    private Map<UUID, CustomerState> states(List<CustomerRisk> risks) {
        if (risks.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = risks.stream().map(r -> r.customerId).toList();
        Map<UUID, List<RepaymentPeriod>> periods = new HashMap<>();
        for (RepaymentPeriod p : em.createQuery("from RepaymentPeriod where customerId in :ids", RepaymentPeriod.class)
                .setParameter("ids", ids).getResultList()) {
            periods.computeIfAbsent(p.customerId, k -> new ArrayList<>()).add(p);
        }
        Map<UUID, List<CreditScorePoint>> scores = new HashMap<>();
        for (CreditScorePoint s : em.createQuery("from CreditScorePoint where customerId in :ids", CreditScorePoint.class)
                .setParameter("ids", ids).getResultList()) {
            scores.computeIfAbsent(s.customerId, k -> new ArrayList<>()).add(s);
        }
        Map<UUID, CustomerState> states = new java.util.LinkedHashMap<>();
        for (CustomerRisk r : risks) {
            states.put(r.customerId, new CustomerState(r, periods.getOrDefault(r.customerId, List.of()),
                    scores.getOrDefault(r.customerId, List.of())));
        }
        return states;
    }

    /** Customer ids after {@code after} (null: from the start), in order, one page. */
    public List<UUID> idsAfter(UUID after, int limit) {
        String where = after == null ? "" : " where customerId > :after";
        var query = em.createQuery("select customerId from CustomerRisk" + where + " order by customerId", UUID.class).setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }
}
