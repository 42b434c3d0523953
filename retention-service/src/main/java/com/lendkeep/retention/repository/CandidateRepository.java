package com.lendkeep.retention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.Candidate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    public List<Candidate> forAlert(UUID alertId) {
        return list("alertId", Sort.ascending("evaluatedAt").and("position"), alertId);
    }
}
