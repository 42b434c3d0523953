package com.lendkeep.loan.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.LoanModification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LoanModificationRepository implements PanacheRepositoryBase<LoanModification, UUID> {

    public Optional<LoanModification> forIntervention(UUID interventionId) {
        return find("interventionId", interventionId).firstResultOptional();
    }

    public List<LoanModification> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("createdAt"), loanId);
    }
}
