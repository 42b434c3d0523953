package com.lendkeep.loan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Loan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LoanRepository implements PanacheRepositoryBase<Loan, UUID> {

    /** A customer's loans, oldest first, with their installments in the same query (no query per loan). */
    public List<Loan> forCustomer(UUID customerId) {
        return getEntityManager().createQuery("select distinct l from Loan l left join fetch l.installments "
                + "where l.customerId = ?1 order by l.createdAt", Loan.class)
                .setParameter(1, customerId).getResultList();
    }
}
