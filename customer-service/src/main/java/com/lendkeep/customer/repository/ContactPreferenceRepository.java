package com.lendkeep.customer.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.ContactPreference;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactPreferenceRepository implements PanacheRepositoryBase<ContactPreference, UUID> {
}
