package com.lendkeep.retention.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.AlertCase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AlertCaseRepository implements PanacheRepositoryBase<AlertCase, UUID> {
}
