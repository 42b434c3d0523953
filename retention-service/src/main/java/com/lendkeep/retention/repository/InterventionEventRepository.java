package com.lendkeep.retention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.InterventionEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InterventionEventRepository implements PanacheRepositoryBase<InterventionEvent, Long> {

    public List<InterventionEvent> history(UUID interventionId) {
        return list("interventionId", Sort.ascending("id"), interventionId);
    }
}
