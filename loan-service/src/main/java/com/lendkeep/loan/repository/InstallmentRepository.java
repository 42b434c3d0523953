package com.lendkeep.loan.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InstallmentRepository implements PanacheRepositoryBase<Installment, UUID> {

    /** Unpaid installments of active loans that fell due before {@code businessDate}, oldest first. */
    public List<Installment> newlyOverdue(LocalDate businessDate, int graceDays) {
        return list("status = ?1 and dueDate < ?2 and loan.status = com.lendkeep.loan.domain.LoanStatus.ACTIVE",
                Sort.ascending("dueDate", "seq"), InstallmentStatus.PENDING, businessDate.minusDays(graceDays));
    }
}
