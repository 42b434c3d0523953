package com.lendkeep.loan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.LoanApplication;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LoanApplicationRepository implements PanacheRepositoryBase<LoanApplication, UUID> {

    public List<LoanApplication> forCustomer(UUID customerId) {
        return list("customerId", Sort.ascending("createdAt"), customerId);
    }
}
