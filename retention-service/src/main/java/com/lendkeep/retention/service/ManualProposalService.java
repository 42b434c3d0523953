package com.lendkeep.retention.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.api.ProposalRequest;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.repository.AlertCaseRepository;
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

/**
 * A person proposes an intervention for an alert (POST /interventions): eligibility, budget and
 * approvals apply as for the playbook's, on the business date. A case still waiting for its loan is
 * no dead end: tasks can be proposed, loan relief is refused with what is missing.
 */
@ApplicationScoped
@Transactional
public class ManualProposalService {

    static final BigDecimal DEFAULT_MANUAL_CHURN_REDUCTION = new BigDecimal("0.2");

    private final AlertCaseRepository cases;
    private final InterventionRepository interventions;
    private final InterventionService lifecycle;
    private final InterventionFactory factory;
    private final PlaybookService playbook;
    private final LoanFactsService loans;
    private final CustomerFactsService customers;
    private final BusinessDateService businessDate;
    private final AlertReasons reasons;
    private final Locks locks;
    private final RetentionConfig config;

    public ManualProposalService(AlertCaseRepository cases, InterventionRepository interventions, InterventionService lifecycle,
            InterventionFactory factory, PlaybookService playbook, LoanFactsService loans, CustomerFactsService customers,
            BusinessDateService businessDate, AlertReasons reasons, Locks locks, RetentionConfig config) {
        this.cases = cases;
        this.interventions = interventions;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.playbook = playbook;
        this.loans = loans;
        this.customers = customers;
        this.businessDate = businessDate;
        this.reasons = reasons;
        this.locks = locks;
        this.config = config;
    }

    public Intervention propose(ProposalRequest request, String user) {
        AlertCase c = cases.findByIdOptional(request.alertId()).orElseThrow(() -> ApiException.notFound("alert case", request.alertId()));
        if (c.cohort == Cohort.CONTROL) {
            throw ApiException.unprocessable("customer " + c.customerId + " is in the control group: no intervention, so that uplift "
                    + "can be measured");
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
        LocalDate today = businessDate.current();
        Playbook.AlertFacts alert = new Playbook.AlertFacts(c.churnType, c.level, c.score, reasons.of(c), today);
        Playbook.CustomerFacts customer = customers.facts(c.customerId);
        LoanTerms loan = loans.terms(c.loanId);
        Playbook.CreditFacts credit = factory.credit(c.loanId, today);
        LoanTerms.Position position = loan == null || loan.closed() ? null : loan.positionAt(today);
        Terms terms = Pricing.terms(action, position, credit.feesOutstanding());
        Pricing.Estimate estimate = Pricing.estimate(action.kind(), terms, position, action.fixedCost(),
                new Pricing.Context(c.churnType, c.score, credit.exposure(), factory.lossGivenDefault()), action.churnReduction());
        List<String> refused = Eligibility.reasons(action.kind(), terms, alert, customer, c.loanId != null, loan, credit,
                factory.history(c.customerId, today).view(), factory.limits());
        if (!refused.isEmpty()) {
            throw ApiException.unprocessable("not eligible: " + String.join("; ", refused));
        }
        BudgetPeriods.Range period = BudgetPeriods.of(config.budget().period(), today);
        locks.budget();
        String over = Eligibility.overBudget(period.key(), interventions.committedCost(period.key()), estimate.cost(), config.budget().limit());
        if (over != null) {
            throw ApiException.unprocessable(over);
        }
        int version = playbook.current().version();
        Intervention i = factory.newIntervention(c, action.kind(), terms, estimate, "manual", version, user, today, period);
        Candidate row = factory.candidateRow(c, version, "manual", null, action.kind(), estimate, i.proposedAt, "MANUAL");
        row.decision = CandidateDecision.PROPOSED;
        row.reasons = "proposed by " + user + " (a person's choice; expected value " + estimate.expectedValue().toPlainString() + ")";
        row.interventionId = i.id;
        lifecycle.start(i, "proposed by " + user + (request.note() == null ? "" : ": " + request.note()));
        return i;
    }
}
