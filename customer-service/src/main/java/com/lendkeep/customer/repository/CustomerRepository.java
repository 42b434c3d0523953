package com.lendkeep.customer.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.service.CustomerReadCache;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    private final CustomerReadCache readCache;

    public CustomerRepository(CustomerReadCache readCache) {
        this.readCache = readCache;
    }

    public Optional<Customer> findByNationalId(String nationalId) {
        return find("nationalId", nationalId).firstResultOptional();
    }

    public Optional<Customer> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResultOptional();
    }

    /**
     * Reads the customer and locks its row until the transaction ends. Every change about one
     * customer (REST or event) takes this lock first, so its derived values are recomputed one
     * change at a time and in the same order everywhere (no deadlock). The customer's cached
     * GET answer is dropped when the transaction completes.
     */
    public Optional<Customer> lock(UUID id) {
        readCache.evictAfterCompletion(id);
        return Optional.ofNullable(getEntityManager().find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Customers whose derived values were computed for a date before {@code asOf}, in id order after {@code after}. */
    public List<UUID> staleAssessments(java.time.LocalDate asOf, UUID after, int limit) {
        return getEntityManager().createNativeQuery("SELECT id FROM customer WHERE (assessed_on IS NULL OR assessed_on < ?1) "
                + "AND id > ?2 ORDER BY id", UUID.class)
                .setParameter(1, asOf).setParameter(2, after).setMaxResults(limit).getResultList();
    }
}
