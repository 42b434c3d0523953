package com.lendkeep.customer.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.CustomerLoan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerLoanRepository implements PanacheRepositoryBase<CustomerLoan, UUID> {

    public List<CustomerLoan> forCustomer(UUID customerId) {
        return list("customerId", customerId);
    }
}
