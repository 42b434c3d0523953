package com.lendkeep.retention.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.RetentionTask;
import com.lendkeep.retention.domain.TaskStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<RetentionTask, UUID> {

    public List<RetentionTask> search(String owner, TaskStatus status, UUID customerId, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (owner != null) {
            query.append(" and owner = :owner");
            params.and("owner", owner);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (customerId != null) {
            query.append(" and customerId = :customerId");
            params.and("customerId", customerId);
        }
        return find(query.toString(), Sort.ascending("dueDate").and("createdAt"), params).page(Page.of(page, size)).list();
    }

    public Optional<RetentionTask> forIntervention(UUID interventionId) {
        return find("interventionId", interventionId).firstResultOptional();
    }

    public List<RetentionTask> openForCustomer(UUID customerId) {
        return list("customerId = ?1 and status = ?2", customerId, TaskStatus.OPEN);
    }
}
