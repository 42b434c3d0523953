package com.lendkeep.retention.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.LoanStatus;
import com.lendkeep.retention.repository.CandidateRepository;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.rules.BudgetPeriods;
import com.lendkeep.retention.rules.Eligibility;
import com.lendkeep.retention.rules.Playbook;
import com.lendkeep.retention.rules.Pricing;
import com.lendkeep.retention.rules.Terms;

/**
 * What the playbook's decisions and a person's proposals share: the facts eligibility and pricing
 * need, the decision-log row of a candidate, and a new intervention with its approval requirement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InterventionFactory {

    private final CandidateRepository candidates;
    private final InterventionRepository interventions;
    private final LoanStatusService statuses;
    private final RetentionConfig config;
    private final Clock clock;

    public InterventionFactory(CandidateRepository candidates, InterventionRepository interventions, LoanStatusService statuses,
            RetentionConfig config, Clock clock) {
        this.candidates = candidates;
        this.interventions = interventions;
        this.statuses = statuses;
        this.config = config;
        this.clock = clock;
    }

    /** The alert loan's credit facts at {@code on}: days past due, unpaid fees, reported exposure. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Playbook.CreditFacts credit(UUID loanId, LocalDate on) {
        LoanStatus s = statuses.find(loanId);
        return s == null ? Playbook.CreditFacts.UNKNOWN
                : new Playbook.CreditFacts(LoanStatusService.daysPastDueAt(s, on), s.feesOutstanding, s.outstanding);
    }

    public BigDecimal lossGivenDefault() {
        return config.value().lossGivenDefault();
    }

    public Intervention newIntervention(AlertCase c, InterventionKind kind, Terms terms, Pricing.Estimate estimate, String rule, int version,
            String proposedBy, LocalDate asOf, BudgetPeriods.Range period) {
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
        i.fixedCost = estimate.fixedCost();
        i.interestIncomeKept = estimate.interestIncomeKept();
        i.expectedValue = estimate.expectedValue();
        i.churnReduction = estimate.churnReduction();
        i.playbookRule = rule;
        i.playbookVersion = version;
        i.proposedBy = proposedBy;
        i.proposedAt = clock.instant();
        i.asOfDate = asOf;
        i.budgetPeriod = period.key();
        // forbearance changes what the borrower owes: a person decides, whatever the cost
        i.approvalRequired = estimate.cost().compareTo(config.approval().threshold()) > 0 || config.approval().alwaysKinds().contains(kind);
        if (i.approvalRequired) {
            i.approvalDueAt = i.proposedAt.plus(java.time.Duration.ofHours(config.approval().dueHours()));
        }
        return i;
    }

    /** A decision-log row with the candidate's figures; its decision is set by the caller. */
    public Candidate candidateRow(AlertCase c, int version, String ruleId, Integer priority, InterventionKind kind, Pricing.Estimate estimate,
            Instant now, String trigger) {
        Candidate row = new Candidate();
        row.id = UUID.randomUUID();
        row.alertId = c.alertId;
        row.evaluatedAt = now;
        row.playbookVersion = version;
        row.ruleId = ruleId;
        row.priority = priority;
        row.kind = kind;
        row.churnType = c.churnType;
        row.estimatedCost = estimate.cost();
        row.fixedCost = estimate.fixedCost();
        row.expectedValue = estimate.expectedValue();
        row.probability = estimate.probability();
        row.churnReduction = estimate.churnReduction();
        row.valueAtRisk = estimate.valueAtRisk();
        row.valueBasis = estimate.valueBasis();
        row.interestIncomeKept = estimate.interestIncomeKept();
        row.trigger = trigger;
        row.decision = CandidateDecision.INELIGIBLE;
        candidates.persist(row);
        return row;
    }

    /** Committed interventions of the customer for dates in the 12 months up to {@code asOf}. */
    public History history(UUID customerId, LocalDate asOf) {
        History h = new History();
        interventions.committedBetween(customerId, asOf.minusYears(1).plusDays(1), asOf).forEach(i -> h.add(i.kind));
        return h;
    }

    public Eligibility.Limits limits() {
        Map<InterventionKind, Integer> perKind = new EnumMap<>(InterventionKind.class);
        config.eligibility().perKindPerYear().forEach((k, v) -> perKind.put(InterventionKind.valueOf(k), v));
        return new Eligibility.Limits(config.eligibility().reliefPerCustomerPerYear(), perKind,
                EnumSet.copyOf(config.eligibility().forbearanceKinds()),
                new LinkedHashSet<>(config.eligibility().noRateOffersForGrades()),
                new LinkedHashSet<>(config.eligibility().relationshipManagerTiers()), // ordered: they appear in reasons
                config.eligibility().rateOffersMaxDaysPastDue());
    }

    /** Counts as the candidates of one evaluation are proposed, so that the yearly limits hold within it too. */
    public static final class History {
        private int relief;
        private final Map<InterventionKind, Integer> byKind = new EnumMap<>(InterventionKind.class);

        public void add(InterventionKind kind) {
            if (kind.isLoanRelief()) {
                relief++;
            }
            byKind.merge(kind, 1, Integer::sum);
        }

        public Eligibility.History view() {
            return new Eligibility.History(relief, Map.copyOf(byKind));
        }
    }
}
