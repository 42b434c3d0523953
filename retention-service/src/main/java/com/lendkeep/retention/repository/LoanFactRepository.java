package com.lendkeep.retention.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.LoanFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LoanFactRepository implements PanacheRepositoryBase<LoanFact, UUID> {

    public List<LoanFact> forCustomers(Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? List.of() : list("customerId in ?1", customerIds);
    }
}
