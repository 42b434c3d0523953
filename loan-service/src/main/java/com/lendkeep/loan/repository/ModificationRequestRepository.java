package com.lendkeep.loan.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.domain.ModificationRequest;
import com.lendkeep.loan.domain.RequestStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ModificationRequestRepository implements PanacheRepositoryBase<ModificationRequest, UUID> {

    /** The loan's request of this kind still waiting for a checker, if any (there is at most one). */
    public Optional<ModificationRequest> pending(UUID loanId, ModificationKind kind) {
        return find("loanId = ?1 and kind = ?2 and status = ?3", Sort.ascending("requestedAt"), loanId, kind, RequestStatus.PENDING)
                .firstResultOptional();
    }

    public List<ModificationRequest> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("requestedAt"), loanId);
    }
}
