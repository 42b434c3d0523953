package com.lendkeep.retention.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.LoanClosure;
import com.lendkeep.retention.repository.AlertCaseRepository;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.repository.LoanClosureRepository;
import com.lendkeep.retention.rules.ChurnReportCalculator;

/** Gathers the facts of the customers alerted in a period and hands them to {@link ChurnReportCalculator}. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    static final long MAX_DAYS = 3_660;

    private final AlertCaseRepository cases;
    private final LoanClosureRepository closures;
    private final InterventionRepository interventions;
    private final ProposalService proposals;
    private final RetentionConfig config;

    public ReportService(AlertCaseRepository cases, LoanClosureRepository closures, InterventionRepository interventions,
            ProposalService proposals, RetentionConfig config) {
        this.cases = cases;
        this.closures = closures;
        this.interventions = interventions;
        this.proposals = proposals;
        this.config = config;
    }

    public ChurnReport churn(LocalDate from, LocalDate to, Instant asOf) {
        if (from == null) {
            throw ApiException.badRequest("from", "from is required: the first alert date of the period, YYYY-MM-DD");
        }
        if (to == null) {
            throw ApiException.badRequest("to", "to is required: the last alert date of the period, YYYY-MM-DD");
        }
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ApiException.badRequest("to", "the period is longer than " + MAX_DAYS + " days: split it");
        }
        List<AlertCase> inPeriod = cases.alertedBetween(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<ChurnReportCalculator.CaseFact> caseFacts = inPeriod.stream()
                .map(c -> new ChurnReportCalculator.CaseFact(c.alertId, c.customerId, c.cohort, c.churnType, proposals.reasons(c), c.alertedAt))
                .toList();
        Set<UUID> customers = inPeriod.stream().map(c -> c.customerId).collect(Collectors.toSet());
        List<ChurnReportCalculator.ClosureFact> closureFacts = closures.forCustomers(customers).stream().map(ReportService::fact).toList();
        List<ChurnReportCalculator.InterventionFact> interventionFacts = interventions
                .forAlerts(inPeriod.stream().map(c -> c.alertId).toList()).stream()
                .map(i -> new ChurnReportCalculator.InterventionFact(i.customerId, i.kind, i.status, i.offeredAt != null, i.estimatedCost))
                .toList();
        return ChurnReportCalculator.compute(from, to, asOf, config.outcomes().observationDays(), caseFacts, closureFacts, interventionFacts);
    }

    /** The outcome of one alert case's customer so far, from that alert. */
    public ChurnReportCalculator.Outcome outcome(AlertCase c, Instant asOf) {
        ChurnReportCalculator.CaseFact fact = new ChurnReportCalculator.CaseFact(c.alertId, c.customerId, c.cohort, c.churnType,
                proposals.reasons(c), c.alertedAt);
        return ChurnReportCalculator.outcome(List.of(fact), closures.forCustomers(Set.of(c.customerId)).stream().map(ReportService::fact).toList(),
                asOf, config.outcomes().observationDays()).outcome();
    }

    private static ChurnReportCalculator.ClosureFact fact(LoanClosure c) {
        return new ChurnReportCalculator.ClosureFact(c.customerId, c.loanId, c.closure, c.closedOn, c.occurredAt, c.unrecoveredPrincipal,
                c.unrecoveredInterest, c.interestIncomeLost);
    }
}
