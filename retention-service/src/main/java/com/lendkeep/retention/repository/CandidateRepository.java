package com.lendkeep.retention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.Candidate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    /** The kinds the playbook chose for control-group alerts (held out): what the control group would have received. */
    public List<Candidate> heldOut(java.util.Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of()
                : list("alertId in ?1 and decision = ?2", alertIds, com.lendkeep.retention.domain.CandidateDecision.CONTROL_GROUP);
    }

    public List<Candidate> forAlert(UUID alertId) {
        return list("alertId", Sort.ascending("evaluatedAt").and("position"), alertId);
    }
}
