package com.lendkeep.customer.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.Customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Optional<Customer> findByNationalId(String nationalId) {
        return find("nationalId", nationalId).firstResultOptional();
    }

    public Optional<Customer> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResultOptional();
    }
}
