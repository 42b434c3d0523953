package com.lendkeep.retention.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.Candidate;
import com.lendkeep.retention.domain.CandidateDecision;
import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.rules.BudgetPeriods;
import com.lendkeep.retention.rules.Eligibility;
import com.lendkeep.retention.rules.LoanTerms;
import com.lendkeep.retention.rules.NextBestAction;
import com.lendkeep.retention.rules.Playbook;

/**
 * Runs the playbook for an alert case and decides by expected value (docs/retention.md, "Next-best
 * action"): every matching rule's candidate is priced and checked, {@link NextBestAction} picks, the
 * winners become interventions and every candidate is logged with its figures and decision.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NextBestActionService {

    private final InterventionRepository interventions;
    private final InterventionService lifecycle;
    private final InterventionFactory factory;
    private final PlaybookService playbook;
    private final LoanFactsService loans;
    private final CustomerFactsService customers;
    private final AlertReasons reasons;
    private final Locks locks;
    private final ContactPolicyService contact;
    private final RetentionConfig config;
    private final Clock clock;

    public NextBestActionService(InterventionRepository interventions, InterventionService lifecycle, InterventionFactory factory,
            PlaybookService playbook, LoanFactsService loans, CustomerFactsService customers, AlertReasons reasons, Locks locks,
            ContactPolicyService contact, RetentionConfig config, Clock clock) {
        this.contact = contact;
        this.interventions = interventions;
        this.lifecycle = lifecycle;
        this.factory = factory;
        this.playbook = playbook;
        this.loans = loans;
        this.customers = customers;
        this.reasons = reasons;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    /** @param trigger what made the decision run, recorded with each candidate */
    public void evaluate(AlertCase c, String trigger) {
        locks.customer(c.customerId);
        PlaybookService.Current pb = playbook.current();
        LocalDate asOf = c.alertedOn;
        Playbook.AlertFacts alert = new Playbook.AlertFacts(c.churnType, c.level, c.score, reasons.of(c), asOf);
        Playbook.CustomerFacts customer = customers.facts(c.customerId);
        LoanTerms loan = loans.terms(c.loanId);
        Playbook.CreditFacts credit = factory.credit(c.loanId, asOf);
        List<Intervention> existing = interventions.forAlert(c.alertId);
        Set<InterventionKind> kindsTaken = existing.stream().map(i -> i.kind).collect(Collectors.toCollection(HashSet::new));
        Optional<Intervention> termsTaken = existing.stream()
                .filter(i -> i.kind.family() == InterventionKind.Family.LOAN_TERMS && InterventionStatus.COMMITTED.contains(i.status))
                .findFirst();
        InterventionFactory.History history = factory.history(c.customerId, asOf);
        Eligibility.Limits limits = factory.limits();

        List<Playbook.Candidate> matched = Playbook.candidates(pb.rules(), alert, customer, loan, credit, factory.lossGivenDefault());
        List<NextBestAction.Option> options = new ArrayList<>();
        for (Playbook.Candidate m : matched) {
            options.add(new NextBestAction.Option(m.rule().id(), m.rule().priority(), m.kind(), m.estimate(),
                    kindsTaken.contains(m.kind()) ? "the alert already has a " + m.kind() + " intervention" : null,
                    Eligibility.reasons(m.kind(), m.terms(), alert, customer, c.loanId != null, loan, credit, history.view(), limits),
                    contact.noUsableChannel(c.customerId, m.kind())));
        }
        BudgetPeriods.Range period = BudgetPeriods.of(config.budget().period(), asOf);
        BigDecimal[] committed = { null };
        List<NextBestAction.Verdict> verdicts = NextBestAction.decide(options,
                termsTaken.map(i -> "the alert already has a loan-terms intervention (" + i.kind + ", " + i.status + ")").orElse(null),
                c.cohort == Cohort.CONTROL, option -> {
                    List<String> limitReasons = Eligibility.reasons(option.kind(), matched.get(options.indexOf(option)).terms(), alert, customer,
                            c.loanId != null, loan, credit, history.view(), limits);
                    if (!limitReasons.isEmpty()) {
                        return new NextBestAction.Verdict(option, CandidateDecision.INELIGIBLE, String.join("; ", limitReasons));
                    }
                    if (committed[0] == null) {
                        locks.budget();
                        committed[0] = interventions.committedCost(period.key());
                    }
                    String over = Eligibility.overBudget(period.key(), committed[0], option.estimate().cost(), config.budget().limit());
                    if (over != null) {
                        return new NextBestAction.Verdict(option, CandidateDecision.OVER_BUDGET, over);
                    }
                    committed[0] = committed[0].add(option.estimate().cost());
                    history.add(option.kind());
                    return null;
                });

        Instant now = clock.instant();
        for (int n = 0; n < verdicts.size(); n++) {
            NextBestAction.Verdict v = verdicts.get(n);
            Playbook.Candidate m = matched.get(n);
            Candidate row = factory.candidateRow(c, pb.version(), m.rule().id(), m.rule().priority(), m.kind(), m.estimate(), now, trigger);
            row.position = n;
            row.decision = v.decision();
            row.reasons = v.reasons();
            if (v.decision() == CandidateDecision.PROPOSED) {
                Intervention i = factory.newIntervention(c, m.kind(), m.terms(), m.estimate(), m.rule().id(), pb.version(),
                        InterventionService.SYSTEM, asOf, period);
                lifecycle.start(i, "proposed by playbook rule " + m.rule().id() + " (version " + pb.version() + "), " + v.reasons());
                row.interventionId = i.id;
            }
        }
    }
}
