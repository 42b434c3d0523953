package com.lendkeep.risk.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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

    public List<ChurnAlert> openFor(List<UUID> customerIds) {
        return list("customerId in ?1 and status = ?2", customerIds, ChurnAlert.Status.OPEN);
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
