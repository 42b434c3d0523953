package com.lendkeep.risk.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.lendkeep.risk.domain.CustomerRisk;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRiskRepository implements PanacheRepositoryBase<CustomerRisk, UUID> {

    /**
     * The customer's row, created if new, locked until the transaction ends: the four topics are
     * consumed on different threads, and two events of one customer must not overwrite each other.
     */
    public CustomerRisk lockOrCreate(UUID customerId) {
        getEntityManager().createNativeQuery("INSERT INTO customer_risk (customer_id, updated_at) VALUES (?1, now()) "
                + "ON CONFLICT (customer_id) DO NOTHING").setParameter(1, customerId).executeUpdate();
        return getEntityManager().find(CustomerRisk.class, customerId, LockModeType.PESSIMISTIC_WRITE);
    }
}
