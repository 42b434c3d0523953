package com.lendkeep.loan.repository;

import java.time.LocalDate;
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

    /** The business date of the loan's latest modification, if any. */
    public Optional<LocalDate> lastAppliedOn(UUID loanId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(m.appliedOn) from LoanModification m where m.loanId = ?1", LocalDate.class)
                .setParameter(1, loanId).getSingleResult());
    }
}
