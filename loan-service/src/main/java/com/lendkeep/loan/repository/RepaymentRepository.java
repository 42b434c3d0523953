package com.lendkeep.loan.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    /** The value date of the loan's latest repayment, if any. */
    public Optional<LocalDate> lastPaidOn(UUID loanId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(r.paidOn) from Repayment r where r.loanId = ?1", LocalDate.class)
                .setParameter(1, loanId).getSingleResult());
    }
}
