package com.lendkeep.loan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.DelinquencyHistory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DelinquencyHistoryRepository implements PanacheRepositoryBase<DelinquencyHistory, Long> {

    public List<DelinquencyHistory> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("id"), loanId);
    }
}
