package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.LoanFact;
import com.lendkeep.retention.domain.LoanStatus;
import com.lendkeep.retention.repository.AlertCaseRepository;
import com.lendkeep.retention.repository.CandidateRepository;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.repository.LoanClosureRepository;
import com.lendkeep.retention.repository.LoanFactRepository;
import com.lendkeep.retention.repository.LoanStatusRepository;
import com.lendkeep.retention.rest.QueryDates;
import com.lendkeep.retention.rules.ChurnReportCalculator;
import com.lendkeep.retention.rules.Outcomes;

/**
 * Gathers the facts of the customers alerted in a period and hands them to {@link ChurnReportCalculator};
 * outcomes are decided up to the business date and never beyond it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    static final long MAX_DAYS = 3_660;

    private final AlertCaseRepository cases;
    private final LoanClosureRepository closures;
    private final LoanStatusRepository statuses;
    private final LoanFactRepository loans;
    private final InterventionRepository interventions;
    private final CandidateRepository candidates;
    private final ProposalService proposals;
    private final BusinessDateService businessDate;
    private final RetentionConfig config;
    private final Clock clock;

    public ReportService(AlertCaseRepository cases, LoanClosureRepository closures, LoanStatusRepository statuses, LoanFactRepository loans,
            InterventionRepository interventions, CandidateRepository candidates, ProposalService proposals, BusinessDateService businessDate,
            RetentionConfig config, Clock clock) {
        this.cases = cases;
        this.closures = closures;
        this.statuses = statuses;
        this.loans = loans;
        this.interventions = interventions;
        this.candidates = candidates;
        this.proposals = proposals;
        this.businessDate = businessDate;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The asOf of a query: a date (its end) or an instant, by default the end of the business date.
     * Later than the business date is refused: outcomes past it have not happened yet.
     */
    public Instant asOf(String value) {
        LocalDate today = businessDate.current();
        Instant end = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (value == null || value.isBlank()) {
            return end;
        }
        Instant asOf = QueryDates.asOf(value, clock);
        if (asOf.isAfter(end)) {
            throw ApiException.badRequest("asOf", "asOf " + value + " is after the loan book's business date " + today
                    + ": outcomes after it have not happened yet");
        }
        return asOf;
    }

    static LocalDate dateOf(Instant asOf) {
        return LocalDate.ofInstant(asOf.minusNanos(1), ZoneOffset.UTC);
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
        List<AlertCase> inPeriod = cases.alertedOnBetween(from, to);
        List<ChurnReportCalculator.CaseFact> caseFacts = inPeriod.stream().map(this::fact).toList();
        Set<UUID> customers = inPeriod.stream().map(c -> c.customerId).collect(Collectors.toSet());
        List<UUID> alertIds = inPeriod.stream().map(c -> c.alertId).toList();
        List<ChurnReportCalculator.InterventionFact> interventionFacts = interventions.forAlerts(alertIds).stream()
                .map(i -> new ChurnReportCalculator.InterventionFact(i.customerId, i.kind, i.status, i.offeredAt != null, i.realisedCost()))
                .toList();
        Set<UUID> control = inPeriod.stream().filter(c -> c.cohort == Cohort.CONTROL).map(c -> c.alertId).collect(Collectors.toSet());
        Map<UUID, UUID> customerOf = inPeriod.stream().collect(Collectors.toMap(c -> c.alertId, c -> c.customerId, (a, b) -> a));
        Map<UUID, Set<InterventionKind>> heldOut = new HashMap<>();
        for (Candidate h : candidates.heldOut(control)) {
            heldOut.computeIfAbsent(customerOf.get(h.alertId), k -> new HashSet<>()).add(h.kind);
        }
        ChurnReportCalculator.Facts facts = new ChurnReportCalculator.Facts(caseFacts, events(customers), interventionFacts, heldOut);
        return ChurnReportCalculator.compute(from, to, asOf, dateOf(asOf), businessDate.current(), definition(), definitions(),
                config.report().minimumGroup(), facts);
    }

    /** The outcome of one alert case's customer so far, from that alert. */
    public Outcomes.Outcome outcome(AlertCase c, Instant asOf) {
        return ChurnReportCalculator.outcome(List.of(fact(c)), events(Set.of(c.customerId)).getOrDefault(c.customerId, List.of()),
                dateOf(asOf), definition()).outcome();
    }

    private ChurnReportCalculator.CaseFact fact(AlertCase c) {
        return new ChurnReportCalculator.CaseFact(c.alertId, c.customerId, c.cohort, c.churnType, proposals.reasons(c), c.alertedOn);
    }

    /** Churn events of the customers' loans, from closures, credit facts and the loans they opened. */
    private Map<UUID, List<Outcomes.ChurnEvent>> events(Set<UUID> customers) {
        Map<UUID, List<Outcomes.ClosureFact>> closed = closures.forCustomers(customers).stream()
                .map(c -> new Outcomes.ClosureFact(c.customerId, c.loanId, c.closure, c.closedDate, c.unrecoveredPrincipal,
                        c.unrecoveredInterest, c.writtenOffFees, c.interestIncomeLost))
                .collect(Collectors.groupingBy(Outcomes.ClosureFact::customerId));
        Map<UUID, LoanFact> facts = loans.forCustomers(customers).stream().collect(Collectors.toMap(f -> f.loanId, f -> f));
        Map<UUID, List<Outcomes.Opening>> openings = facts.values().stream()
                .map(f -> new Outcomes.Opening(f.customerId, f.loanId, f.startDate))
                .collect(Collectors.groupingBy(Outcomes.Opening::customerId));
        Map<UUID, List<Outcomes.StatusFact>> status = statuses.forCustomers(customers).stream()
                .map(s -> new Outcomes.StatusFact(s.customerId, s.loanId, s.daysPastDue, s.observedOn, s.defaultOn, s.distressedOn,
                        exposure(s, facts.get(s.loanId))))
                .collect(Collectors.groupingBy(Outcomes.StatusFact::customerId));
        Map<UUID, List<Outcomes.ChurnEvent>> out = new HashMap<>();
        Outcomes.Definition d = definition();
        for (UUID customer : customers) {
            out.put(customer, Outcomes.events(closed.getOrDefault(customer, List.of()), status.getOrDefault(customer, List.of()),
                    openings.getOrDefault(customer, List.of()), d));
        }
        return out;
    }

    /** The last outstanding balance an event reported, else the schedule's estimate at the last reading. */
    private static java.math.BigDecimal exposure(LoanStatus s, LoanFact f) {
        if (s.outstanding != null) {
            return s.outstanding;
        }
        if (f == null || f.closure != null) {
            return null;
        }
        return LoanFactsService.terms(f).positionAt(s.observedOn != null ? s.observedOn : s.firstSeenOn).balance();
    }

    public Outcomes.Definition definition() {
        RetentionConfig.Outcomes o = config.outcomes();
        return new Outcomes.Definition(o.defaultDaysPastDue(), o.involuntaryWindowDays(), o.voluntaryWindowDays(), o.renewalDays(),
                Set.copyOf(o.voluntaryClosures()), Set.copyOf(o.involuntaryClosures()), Set.copyOf(o.maturedClosures()));
    }

    private ChurnReport.Definitions definitions() {
        RetentionConfig.Outcomes o = config.outcomes();
        return new ChurnReport.Definitions(o.defaultDaysPastDue(), o.involuntaryWindowDays(), o.voluntaryWindowDays(), o.renewalDays(),
                o.voluntaryClosures(), o.involuntaryClosures(), o.maturedClosures(), o.distressedRestructuringTypes());
    }
}
