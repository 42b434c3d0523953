package com.lendkeep.retention.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.repository.AlertCaseRepository;
import com.lendkeep.retention.repository.CandidateRepository;
import com.lendkeep.retention.repository.InterventionRepository;

/** Read side of alert cases: the case, its candidates and its interventions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseService {

    private final AlertCaseRepository cases;
    private final CandidateRepository candidates;
    private final InterventionRepository interventions;

    public CaseService(AlertCaseRepository cases, CandidateRepository candidates, InterventionRepository interventions) {
        this.cases = cases;
        this.candidates = candidates;
        this.interventions = interventions;
    }

    /** Whether any churn-risk alert about the customer reached retention-service. */
    public boolean anyFor(UUID customerId) {
        return cases.count("customerId", customerId) > 0;
    }

    public AlertCase get(UUID alertId) {
        return cases.findByIdOptional(alertId).orElseThrow(() -> ApiException.notFound("alert case", alertId));
    }

    public List<AlertCase> search(UUID customerId, int page, int size) {
        return cases.search(customerId, page, size);
    }

    public List<Candidate> candidates(UUID alertId) {
        return candidates.forAlert(alertId);
    }

    public List<Intervention> interventions(UUID alertId) {
        return interventions.forAlert(alertId);
    }
}
