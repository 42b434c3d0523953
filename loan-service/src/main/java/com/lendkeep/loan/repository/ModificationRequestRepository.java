package com.lendkeep.loan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.ModificationRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ModificationRequestRepository implements PanacheRepositoryBase<ModificationRequest, UUID> {

    public List<ModificationRequest> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("requestedAt"), loanId);
    }
}
