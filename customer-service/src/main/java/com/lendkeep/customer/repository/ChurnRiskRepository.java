package com.lendkeep.customer.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.ChurnRisk;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ChurnRiskRepository implements PanacheRepositoryBase<ChurnRisk, UUID> {

    public List<ChurnRisk> forCustomer(UUID customerId) {
        return list("customerId", Sort.ascending("churnType"), customerId);
    }

    public Optional<ChurnRisk> find(UUID customerId, String churnType) {
        return find("customerId = ?1 and churnType = ?2", customerId, churnType).firstResultOptional();
    }
}
