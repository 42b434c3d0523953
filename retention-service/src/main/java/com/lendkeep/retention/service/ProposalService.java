package com.lendkeep.retention.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.api.ProposalRequest;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.CaseEvaluation;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.repository.AlertCaseRepository;
import com.lendkeep.retention.repository.CandidateRepository;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.rules.BudgetPeriods;
import com.lendkeep.retention.rules.Eligibility;
import com.lendkeep.retention.rules.LoanTerms;
import com.lendkeep.retention.rules.Playbook;
import com.lendkeep.retention.rules.PlaybookRule;
import com.lendkeep.retention.rules.PlaybookValidator;
import com.lendkeep.retention.rules.Pricing;
import com.lendkeep.retention.rules.Terms;
import com.lendkeep.retention.rules.Violation;

import io.quarkus.logging.Log;

/**
 * From alert to proposals (docs/retention.md): the control group is held out; the playbook's
 * matching rules give candidates; eligibility and the budget filter them; an alert gets at most one
 * loan-terms intervention (the eligible one of highest priority) plus any goodwill and tasks.
 * Every candidate is recorded with its decision and reasons.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    static final BigDecimal DEFAULT_MANUAL_CHURN_REDUCTION = new BigDecimal("0.2");

    private final AlertCaseRepository cases;
    private final CandidateRepository candidates;
    private final InterventionRepository interventions;
    private final InterventionService lifecycle;
    private final PlaybookService playbook;
    private final LoanFactsService loans;
    private final CustomerFactsService customers;
    private final ControlGroup controlGroup;
    private final Locks locks;
    private final RetentionConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ProposalService(AlertCaseRepository cases, CandidateRepository candidates, InterventionRepository interventions,
            InterventionService lifecycle, PlaybookService playbook, LoanFactsService loans, CustomerFactsService customers,
            ControlGroup controlGroup, Locks locks, RetentionConfig config, ObjectMapper mapper, Clock clock) {
        this.cases = cases;
        this.candidates = candidates;
        this.interventions = interventions;
        this.lifecycle = lifecycle;
        this.playbook = playbook;
        this.loans = loans;
        this.customers = customers;
        this.controlGroup = controlGroup;
        this.locks = locks;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A new alert opens a case; the same alert raised again (an escalation) updates it and re-runs the playbook. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlert(UUID customerId, Payloads.ChurnRiskAlertRaised alert, Instant occurredAt, LocalDate alertedOn) {
        locks.customer(customerId); // serializes with this customer's LOAN_OPENED (see LoanFactsService.onOpened)
        AlertCase known = cases.findById(alert.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (known != null) {
            boolean escalated = !known.level.equalsIgnoreCase(alert.level());
            known.level = alert.level();
            known.score = alert.score();
            known.reasons = json(alert.reasons());
            known.modelVersion = alert.modelVersion();
            if (known.loanId == null) {
                known.loanId = alert.loanId();
            }
            known.updatedAt = clock.instant();
            if (escalated && "OPEN".equals(known.status) && known.evaluation == CaseEvaluation.EVALUATED) {
                evaluate(known);
            }
            return;
        }
        AlertCase c = new AlertCase();
        c.alertId = alert.alertId();
        c.customerId = customerId;
        c.churnType = alert.churnType();
        c.level = alert.level();
        c.score = alert.score();
        c.reasons = json(alert.reasons());
        c.loanId = alert.loanId();
        c.modelVersion = alert.modelVersion();
        c.cohort = controlGroup.cohortOf(customerId);
        c.alertedAt = occurredAt;
        c.alertedOn = alertedOn;
        c.receivedAt = clock.instant();
        c.updatedAt = c.receivedAt;
        c.status = "OPEN";
        if (c.cohort == Cohort.CONTROL) {
            c.evaluation = CaseEvaluation.HELD_OUT;
        } else if (customers.facts(customerId).erased()) {
            c.evaluation = CaseEvaluation.SKIPPED;
        } else if (c.loanId != null && !loans.known(c.loanId)) {
            c.evaluation = CaseEvaluation.WAITING_FOR_LOAN;
        } else {
            c.evaluation = CaseEvaluation.EVALUATED;
        }
        cases.persist(c);
        Log.infof("alert %s (%s %s) for customer %s: %s", c.alertId, c.churnType, c.level, customerId, c.evaluation);
        if (c.evaluation == CaseEvaluation.EVALUATED) {
            evaluate(c);
        }
    }

    /**
     * risk-service's CHURN_RISK_ALERT_UPDATED: the open alert's level or top reason changed. The case
     * takes the new level, score and reasons and the playbook runs again: what the new reasons call
     * for is proposed, a kind the alert already has never twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertUpdated(UUID customerId, Payloads.ChurnRiskAlertUpdated update) {
        locks.customer(customerId);
        AlertCase known = cases.findById(update.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (known == null) {
            Log.warnf("CHURN_RISK_ALERT_UPDATED for alert %s, which was never raised here: ignored", update.alertId());
            return;
        }
        known.level = update.level();
        known.score = update.score();
        known.reasons = json(update.reasons());
        known.modelVersion = update.modelVersion();
        if (known.loanId == null) {
            known.loanId = update.loanId();
        }
        known.updatedAt = clock.instant();
        if ("OPEN".equals(known.status) && known.evaluation.evaluated()) {
            evaluate(known);
        }
    }

    /** A cleared alert withdraws what has not reached the customer yet; an open offer stays until answered or expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertCleared(Payloads.ChurnRiskAlertCleared cleared, Instant occurredAt) {
        AlertCase c = cases.findById(cleared.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null || "CLEARED".equals(c.status)) {
            return;
        }
        c.status = "CLEARED";
        c.clearedAt = occurredAt;
        c.score = cleared.score();
        c.updatedAt = clock.instant();
        lifecycle.withdrawOpen("alertId", c.alertId, "the alert was cleared (score " + cleared.score().toPlainString() + ")", false);
    }

    /** The LOAN_OPENED an alert was waiting for arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateWaitingFor(UUID loanId) {
        for (AlertCase c : cases.waitingForLoan(loanId)) {
            c.evaluation = CaseEvaluation.EVALUATED;
            c.updatedAt = clock.instant();
            evaluate(c);
        }
    }

    private void evaluate(AlertCase c) {
        locks.customer(c.customerId);
        PlaybookService.Current pb = playbook.current();
        LocalDate asOf = c.alertedOn;
        Playbook.AlertFacts alert = new Playbook.AlertFacts(c.churnType, c.level, c.score, reasons(c), asOf);
        Playbook.CustomerFacts customer = customers.facts(c.customerId);
        LoanTerms loan = loans.terms(c.loanId);
        List<Intervention> existing = interventions.forAlert(c.alertId);
        Set<InterventionKind> kindsTaken = existing.stream().map(i -> i.kind).collect(Collectors.toCollection(HashSet::new));
        Optional<Intervention> termsTaken = existing.stream()
                .filter(i -> i.kind.family() == InterventionKind.Family.LOAN_TERMS && InterventionStatus.COMMITTED.contains(i.status))
                .findFirst();
        String termsChosen = termsTaken.map(i -> "the alert already has a loan-terms intervention (" + i.kind + ", " + i.status + ")")
                .orElse(null);
        History history = history(c.customerId, asOf);
        BudgetPeriods.Range period = BudgetPeriods.of(config.budget().period(), asOf);
        BigDecimal committed = null;
        Instant now = clock.instant();
        int position = 0;
        for (Playbook.Candidate candidate : Playbook.candidates(pb.rules(), alert, customer, loan)) {
            Candidate row = candidateRow(c, pb.version(), candidate.rule().id(), candidate.kind(), candidate.estimate(), now);
            row.position = position++;
            if (kindsTaken.contains(candidate.kind())) {
                decide(row, CandidateDecision.ALREADY_COVERED, "the alert already has a " + candidate.kind() + " intervention");
                continue;
            }
            if (candidate.kind().family() == InterventionKind.Family.LOAN_TERMS && termsChosen != null) {
                decide(row, termsTaken.isPresent() ? CandidateDecision.ALREADY_COVERED : CandidateDecision.OUTRANKED, termsChosen);
                continue;
            }
            List<String> reasons = Eligibility.reasons(candidate.kind(), candidate.terms(), alert, customer, c.loanId != null, loan,
                    history.view(), limits());
            if (!reasons.isEmpty()) {
                decide(row, CandidateDecision.INELIGIBLE, String.join("; ", reasons));
                continue;
            }
            if (committed == null) {
                locks.budget();
                committed = interventions.committedCost(period.key());
            }
            String over = Eligibility.overBudget(period.key(), committed, candidate.estimate().cost(), config.budget().limit());
            if (over != null) {
                decide(row, CandidateDecision.OVER_BUDGET, over);
                continue;
            }
            Intervention i = newIntervention(c, candidate.kind(), candidate.terms(), candidate.estimate(),
                    candidate.rule().propose().churnReduction(), candidate.rule().id(), pb.version(), InterventionService.SYSTEM, asOf, period);
            lifecycle.start(i, "proposed by playbook rule " + candidate.rule().id() + " (version " + pb.version() + "): "
                    + candidate.rule().description());
            committed = committed.add(i.estimatedCost);
            history.add(i.kind);
            kindsTaken.add(i.kind);
            if (i.kind.family() == InterventionKind.Family.LOAN_TERMS) {
                termsChosen = "outranked by rule " + candidate.rule().id() + " (priority " + candidate.rule().priority() + ")";
            }
            row.decision = CandidateDecision.PROPOSED;
            row.interventionId = i.id;
        }
    }

    /** A person proposes an intervention for an alert; eligibility, budget and approvals apply as for the playbook's. */
    public Intervention propose(ProposalRequest request, String user) {
        AlertCase c = cases.findByIdOptional(request.alertId()).orElseThrow(() -> ApiException.notFound("alert case", request.alertId()));
        if (c.cohort == Cohort.CONTROL) {
            throw ApiException.unprocessable("customer " + c.customerId + " is in the control group: no intervention, so that uplift "
                    + "can be measured");
        }
        if (c.evaluation == CaseEvaluation.WAITING_FOR_LOAN) {
            throw ApiException.conflict("alert " + c.alertId + " waits for its loan's LOAN_OPENED: retry once it has arrived");
        }
        PlaybookRule.Action action = new PlaybookRule.Action(request.kind(), request.extensionMonths(), request.holidayMonths(),
                request.newAnnualRate(), request.rateReduction(), request.minAnnualRate(), request.newTermMonths(),
                request.termExtensionMonths(), request.feeWaived(), request.fixedCost(),
                request.churnReduction() == null ? DEFAULT_MANUAL_CHURN_REDUCTION : request.churnReduction());
        List<Violation> violations = new ArrayList<>();
        PlaybookValidator.action(violations, "", action);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        locks.customer(c.customerId);
        List<Intervention> existing = interventions.forAlert(c.alertId);
        if (existing.stream().anyMatch(i -> i.kind == request.kind())) {
            throw ApiException.conflict("alert " + c.alertId + " already has a " + request.kind() + " intervention");
        }
        existing.stream()
                .filter(i -> request.kind().family() == InterventionKind.Family.LOAN_TERMS
                        && i.kind.family() == InterventionKind.Family.LOAN_TERMS && InterventionStatus.COMMITTED.contains(i.status))
                .findFirst().ifPresent(i -> {
                    throw ApiException.conflict("alert " + c.alertId + " already has a loan-terms intervention (" + i.kind + ", " + i.status
                            + "): withdraw it first");
                });
        LocalDate today = LocalDate.now(clock);
        Playbook.AlertFacts alert = new Playbook.AlertFacts(c.churnType, c.level, c.score, reasons(c), today);
        Playbook.CustomerFacts customer = customers.facts(c.customerId);
        LoanTerms loan = loans.terms(c.loanId);
        LoanTerms.Position position = loan == null || loan.closed() ? null : loan.positionAt(today);
        Terms terms = Pricing.terms(action, position);
        Pricing.Estimate estimate = Pricing.estimate(action.kind(), terms, position, action.fixedCost(), c.score, action.churnReduction());
        List<String> reasons = Eligibility.reasons(action.kind(), terms, alert, customer, c.loanId != null, loan,
                history(c.customerId, today).view(), limits());
        if (!reasons.isEmpty()) {
            throw ApiException.unprocessable("not eligible: " + String.join("; ", reasons));
        }
        BudgetPeriods.Range period = BudgetPeriods.of(config.budget().period(), today);
        locks.budget();
        String over = Eligibility.overBudget(period.key(), interventions.committedCost(period.key()), estimate.cost(), config.budget().limit());
        if (over != null) {
            throw ApiException.unprocessable(over);
        }
        int version = playbook.current().version();
        Intervention i = newIntervention(c, action.kind(), terms, estimate, action.churnReduction(), "manual", version, user, today, period);
        Candidate row = candidateRow(c, version, "manual", action.kind(), estimate, clock.instant());
        row.decision = CandidateDecision.PROPOSED;
        row.interventionId = i.id;
        lifecycle.start(i, "proposed by " + user + (request.note() == null ? "" : ": " + request.note()));
        return i;
    }

    private Intervention newIntervention(AlertCase c, InterventionKind kind, Terms terms, Pricing.Estimate estimate, BigDecimal churnReduction,
            String rule, int version, String proposedBy, LocalDate asOf, BudgetPeriods.Range period) {
        Intervention i = new Intervention();
        i.id = UUID.randomUUID();
        i.alertId = c.alertId;
        i.customerId = c.customerId;
        i.loanId = c.loanId;
        i.churnType = c.churnType;
        i.kind = kind;
        i.extensionMonths = terms.extensionMonths();
        i.holidayMonths = terms.holidayMonths();
        i.newAnnualRate = terms.newAnnualRate();
        i.newTermMonths = terms.newTermMonths();
        i.feeWaived = terms.feeWaived();
        i.estimatedCost = estimate.cost();
        i.interestIncomeKept = estimate.interestIncomeKept();
        i.expectedValue = estimate.expectedValue();
        i.churnReduction = churnReduction;
        i.playbookRule = rule;
        i.playbookVersion = version;
        i.proposedBy = proposedBy;
        i.proposedAt = clock.instant();
        i.asOfDate = asOf;
        i.budgetPeriod = period.key();
        i.approvalRequired = estimate.cost().compareTo(config.approval().threshold()) > 0;
        return i;
    }

    private Candidate candidateRow(AlertCase c, int version, String ruleId, InterventionKind kind, Pricing.Estimate estimate, Instant now) {
        Candidate row = new Candidate();
        row.id = UUID.randomUUID();
        row.alertId = c.alertId;
        row.evaluatedAt = now;
        row.playbookVersion = version;
        row.ruleId = ruleId;
        row.kind = kind;
        row.estimatedCost = estimate.cost();
        row.expectedValue = estimate.expectedValue();
        row.decision = CandidateDecision.INELIGIBLE;
        candidates.persist(row);
        return row;
    }

    private static void decide(Candidate row, CandidateDecision decision, String reasons) {
        row.decision = decision;
        row.reasons = reasons;
    }

    /** Committed interventions of the customer for dates in the 12 months up to {@code asOf}. */
    private History history(UUID customerId, LocalDate asOf) {
        History h = new History();
        interventions.committedBetween(customerId, asOf.minusYears(1).plusDays(1), asOf).forEach(i -> h.add(i.kind));
        return h;
    }

    private Eligibility.Limits limits() {
        Map<InterventionKind, Integer> perKind = new EnumMap<>(InterventionKind.class);
        config.eligibility().perKindPerYear().forEach((k, v) -> perKind.put(InterventionKind.valueOf(k), v));
        return new Eligibility.Limits(config.eligibility().reliefPerCustomerPerYear(), perKind,
                EnumSet.copyOf(config.eligibility().forbearanceKinds()),
                new LinkedHashSet<>(config.eligibility().noRateOffersForGrades()),
                new LinkedHashSet<>(config.eligibility().relationshipManagerTiers())); // ordered: they appear in reasons
    }

    public List<String> reasons(AlertCase c) {
        try {
            return mapper.readValue(c.reasons, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are unreadable", e);
        }
    }

    private String json(Object value) {
        return StoredJson.write(mapper, value);
    }

    /** Counts as the candidates of one evaluation are proposed, so that the yearly limits hold within it too. */
    private static final class History {
        private int relief;
        private final Map<InterventionKind, Integer> byKind = new EnumMap<>(InterventionKind.class);

        void add(InterventionKind kind) {
            if (kind.isLoanRelief()) {
                relief++;
            }
            byKind.merge(kind, 1, Integer::sum);
        }

        Eligibility.History view() {
            return new Eligibility.History(relief, Map.copyOf(byKind));
        }
    }
}
