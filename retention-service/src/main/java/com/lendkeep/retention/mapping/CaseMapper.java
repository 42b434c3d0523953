package com.lendkeep.retention.mapping;

import java.util.Arrays;
import java.util.List;

import com.lendkeep.retention.api.CaseResponse;
import com.lendkeep.retention.api.InterventionResponse;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;

public final class CaseMapper {
    private CaseMapper() {
    }

    public static CaseResponse toResponse(AlertCase c, List<String> reasons, String outcome, List<Candidate> candidates,
            List<InterventionResponse> interventions) {
        return new CaseResponse(c.alertId, c.customerId, c.loanId, c.churnType, c.level, c.score, reasons, c.cohort, c.status,
                c.evaluation, c.alertedAt, c.clearedAt, outcome, candidates == null ? null : candidates.stream().map(CaseMapper::toResponse).toList(),
                interventions);
    }

    static CaseResponse.CandidateResponse toResponse(Candidate c) {
        return new CaseResponse.CandidateResponse(c.evaluatedAt, c.playbookVersion, c.ruleId, c.kind, c.estimatedCost, c.expectedValue,
                c.decision, c.reasons == null ? List.of() : Arrays.asList(c.reasons.split("; ")), c.interventionId);
    }
}
