package com.lendkeep.loan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Repayment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RepaymentRepository implements PanacheRepositoryBase<Repayment, UUID> {

    public List<Repayment> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("paidOn", "recordedAt"), loanId);
    }
}
