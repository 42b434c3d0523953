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

    /** Customers whose derived values were last computed before {@code before}, in id order after {@code after}. */
    public List<UUID> staleAssessments(java.time.Instant before, UUID after, int limit) {
        return getEntityManager().createQuery("select c.id from Customer c where (c.assessedAt is null or c.assessedAt < :before) "
                + "and c.id > :after order by c.id", UUID.class)
                .setParameter("before", before).setParameter("after", after).setMaxResults(limit).getResultList();
    }
}
