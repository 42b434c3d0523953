package com.lendkeep.retention.mapping;

import java.util.Arrays;
import java.util.List;

import com.lendkeep.retention.api.CaseResponse;
import com.lendkeep.retention.api.InterventionResponse;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.CandidateDecision;
import java.time.Instant;

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
        return new CaseResponse.CandidateResponse(c.evaluatedAt, c.trigger, c.playbookVersion, c.ruleId, c.priority, c.kind, c.probability,
                c.churnReduction, c.valueAtRisk, c.valueBasis, c.interestIncomeKept, c.estimatedCost, c.fixedCost, c.expectedValue,
                c.decision, c.reasons == null ? List.of() : Arrays.asList(c.reasons.split("; ")), c.interventionId);
    }

    /** The decision log: candidates grouped by the run that produced them, oldest run first. */
    public static List<CaseResponse.Decision> decisions(List<Candidate> candidates) {
        java.util.Map<Instant, List<Candidate>> runs = new java.util.TreeMap<>();
        candidates.forEach(c -> runs.computeIfAbsent(c.evaluatedAt, k -> new java.util.ArrayList<>()).add(c));
        return runs.values().stream().map(run -> new CaseResponse.Decision(run.get(0).evaluatedAt, run.get(0).trigger,
                run.get(0).playbookVersion,
                run.stream().filter(c -> c.decision == CandidateDecision.PROPOSED || c.decision == CandidateDecision.CONTROL_GROUP)
                        .map(c -> c.kind).toList(),
                run.stream().map(CaseMapper::toResponse).toList())).toList();
    }
}
