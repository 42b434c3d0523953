package com.lendkeep.retention.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.CustomerProfile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerProfileRepository implements PanacheRepositoryBase<CustomerProfile, UUID> {
}
