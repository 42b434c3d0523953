package com.lendkeep.loan.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;

/**
 * loan-service's projection of customer-service's customers (topic customer-events): a loan or an
 * application is taken only for a customer registered there and not erased. customer-service stays
 * the owner; this is the local copy that lets a booking be checked in its own transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KnownCustomers {

    private final EntityManager em;

    public KnownCustomers(EntityManager em) {
        this.em = em;
    }

    /** An erasure seen earlier (events of one customer are ordered, but a replay may start anywhere) stays. */
    public void onRegistered(UUID customerId, Instant registeredAt) {
        em.createNativeQuery("""
                INSERT INTO known_customer (customer_id, registered_at, known_from) VALUES (?1, ?2, 'CUSTOMER_REGISTERED')
                ON CONFLICT (customer_id) DO UPDATE
                SET registered_at = coalesce(known_customer.registered_at, excluded.registered_at), updated_at = now()""")
                .setParameter(1, customerId).setParameter(2, registeredAt).executeUpdate();
    }

    public void onErased(UUID customerId, Instant erasedAt) {
        em.createNativeQuery("""
                INSERT INTO known_customer (customer_id, erased_at, known_from) VALUES (?1, ?2, 'CUSTOMER_ERASED')
                ON CONFLICT (customer_id) DO UPDATE
                SET erased_at = coalesce(known_customer.erased_at, excluded.erased_at), updated_at = now()""")
                .setParameter(1, customerId).setParameter(2, erasedAt).executeUpdate();
    }

    /** 422 naming {@code customerId} unless the customer is registered and not erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireBookable(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT registered_at IS NOT NULL, erased_at IS NOT NULL FROM known_customer "
                + "WHERE customer_id = ?1").setParameter(1, customerId).getResultList();
        if (rows.isEmpty() || !(Boolean) rows.get(0)[0] && !(Boolean) rows.get(0)[1]) {
            throw new ApiException(422, "Unprocessable Entity", "customerId " + customerId + " is not a customer registered in "
                    + "customer-service (loan-service learns customers from customer-events a moment after they are registered)",
                    "customerId");
        }
        if ((Boolean) rows.get(0)[1]) {
            throw new ApiException(422, "Unprocessable Entity", "customerId " + customerId + " was erased: no loan or application "
                    + "can be taken for an erased customer", "customerId");
        }
    }
}
