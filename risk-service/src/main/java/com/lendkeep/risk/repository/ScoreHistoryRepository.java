package com.lendkeep.risk.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.domain.ScoreHistory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepositoryBase<ScoreHistory, Long> {

    public List<ScoreHistory> forCustomer(UUID customerId, int limit) {
        return find("customerId", Sort.descending("scoredAt", "id"), customerId).page(0, limit).list();
    }
}
