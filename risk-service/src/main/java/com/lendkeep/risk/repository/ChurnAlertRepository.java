package com.lendkeep.risk.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.RiskLevel;

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
     * Open alerts of many customers, as entities of this session (the caller updates them). The ids
     * are found with one plain JDBC statement taking the customers as an array (most batches have
     * none or a few), then only those are loaded: an HQL {@code in} list is translated to new SQL for
     * every list size, and a native entity query cost more than the statement.
     */
    public List<ChurnAlert> openFor(List<UUID> customerIds) {
        List<UUID> ids = getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM churn_alert WHERE customer_id = ANY(?::uuid[]) "
                    + "AND status = 'OPEN'")) {
                select.setArray(1, c.createArrayOf("uuid", customerIds.toArray()));
                List<UUID> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
        return ids.isEmpty() ? List.of() : getEntityManager().unwrap(Session.class).byMultipleIds(ChurnAlert.class).multiLoad(ids);
    }

    public List<ChurnAlert> search(ChurnAlert.Status status, RiskLevel level, ChurnType churnType, UUID customerId, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (level != null) {
            query.append(" and level = :level");
            params.and("level", level);
        }
        if (churnType != null) {
            query.append(" and churnType = :churnType");
            params.and("churnType", churnType);
        }
        if (customerId != null) {
            query.append(" and customerId = :customerId");
            params.and("customerId", customerId);
        }
        return find(query.toString(), Sort.descending("raisedAt"), params).page(Page.of(page, size)).list();
    }
}
