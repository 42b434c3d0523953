package com.lendkeep.risk.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.ChurnType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ChurnAlertRepository implements PanacheRepositoryBase<ChurnAlert, UUID> {

    public Optional<ChurnAlert> open(UUID customerId, ChurnType type) {
        return find("customerId = ?1 and churnType = ?2 and status = ?3", customerId, type, ChurnAlert.Status.OPEN)
                .firstResultOptional();
    }

    /**
     * Open alerts of many customers, as entities of this session (the caller updates them). One
     * native statement with an array parameter: an HQL {@code in} list is translated to new SQL for
     * every list size, which cost more than the query. Read without flushing first: the caller reads
     * them before it changes any alert.
     */
    @SuppressWarnings("unchecked")
    public List<ChurnAlert> openFor(List<UUID> customerIds) {
        return getEntityManager().createNativeQuery("SELECT * FROM churn_alert WHERE customer_id = ANY(CAST(?1 AS uuid[])) AND status = 'OPEN'",
                ChurnAlert.class).setParameter(1, customerIds.toArray(UUID[]::new)).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    public List<ChurnAlert> search(ChurnAlert.Status status, UUID customerId, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (customerId != null) {
            query.append(" and customerId = :customerId");
            params.and("customerId", customerId);
        }
        return find(query.toString(), Sort.descending("raisedAt"), params).page(Page.of(page, size)).list();
    }
}
