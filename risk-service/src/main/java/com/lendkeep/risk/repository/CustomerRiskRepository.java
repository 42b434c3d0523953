package com.lendkeep.risk.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.domain.CustomerRisk;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRiskRepository implements PanacheRepositoryBase<CustomerRisk, UUID> {
}
