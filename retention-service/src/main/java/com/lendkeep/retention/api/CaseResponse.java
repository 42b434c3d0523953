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

    /**
     * One candidate of a decision with the figures of its expected value:
     * expectedValue = probability x churnReduction x valueAtRisk - estimatedCost (docs/retention.md, "Next-best action").
     */
    public record CandidateResponse(Instant evaluatedAt, String trigger, int playbookVersion, String ruleId, Integer priority,
            InterventionKind kind, BigDecimal probability, BigDecimal churnReduction, BigDecimal valueAtRisk, String valueBasis,
            BigDecimal interestIncomeKept, BigDecimal estimatedCost, BigDecimal fixedCost, BigDecimal expectedValue,
            CandidateDecision decision, List<String> reasons, UUID interventionId) {
    }

    /** One run of the decision for the alert: what ran it, the winners and every candidate with why it won or was suppressed. */
    public record Decision(Instant evaluatedAt, String trigger, int playbookVersion, List<InterventionKind> winners,
            List<CandidateResponse> candidates) {
    }
}
