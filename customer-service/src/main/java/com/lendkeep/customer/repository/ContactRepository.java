package com.lendkeep.customer.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.Contact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("contactDate", "loggedAt");

    public List<Contact> forCustomer(UUID customerId) {
        return list("customerId", NEWEST_FIRST, customerId);
    }

    public List<Contact> recent(UUID customerId, int limit) {
        return find("customerId", NEWEST_FIRST, customerId).page(Page.ofSize(limit)).list();
    }

    /** Contacts dated from {@code since} (included). */
    public int countSince(UUID customerId, LocalDate since) {
        return (int) count("customerId = ?1 and contactDate >= ?2", customerId, since);
    }

    /** Replaces the free text of the customer's contacts; the facts of each contact are kept. */
    public int eraseFreeText(UUID customerId, String replacement) {
        return update("outcome = ?1 where customerId = ?2 and outcome is not null", replacement, customerId);
    }
}
