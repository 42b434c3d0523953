package com.lendkeep.customer.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.CustomerLoan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CustomerLoanRepository implements PanacheRepositoryBase<CustomerLoan, UUID> {

    public List<CustomerLoan> forCustomer(UUID customerId) {
        return list("customerId", Sort.descending("openedOn").and("loanId"), customerId);
    }

    public long countActive(UUID customerId) {
        return count("customerId = ?1 and status = ?2", customerId, CustomerLoan.ACTIVE);
    }
}
