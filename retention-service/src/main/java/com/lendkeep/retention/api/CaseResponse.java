package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.CaseEvaluation;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.InterventionKind;

/** An alert case: the alert, the customer's group, every playbook candidate with its decision, and the outcome so far. */
public record CaseResponse(UUID alertId, UUID customerId, UUID loanId, String churnType, String level, BigDecimal score,
        List<String> reasons, Cohort cohort, String status, CaseEvaluation evaluation, Instant alertedAt, Instant clearedAt,
        String outcome, List<CandidateResponse> candidates, List<InterventionResponse> interventions) {

    public record CandidateResponse(Instant evaluatedAt, int playbookVersion, String ruleId, InterventionKind kind,
            BigDecimal estimatedCost, BigDecimal expectedValue, CandidateDecision decision, List<String> reasons, UUID interventionId) {
    }
}
