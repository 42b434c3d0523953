package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A candidate intervention the playbook produced for an alert, and what became of it. */
@Entity
public class Candidate {
    @Id
    public UUID id;
    @Column(name = "alert_id")
    public UUID alertId;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    /** Its place in the evaluation: the rules' priority order. */
    public int position;
    @Column(name = "playbook_version")
    public int playbookVersion;
    @Column(name = "rule_id")
    public String ruleId;
    @Enumerated(EnumType.STRING)
    public InterventionKind kind;
    @Column(name = "estimated_cost")
    public BigDecimal estimatedCost;
    @Column(name = "expected_value")
    public BigDecimal expectedValue;
    /** The rule's priority: breaks ties of expected value. */
    public Integer priority;
    @Column(name = "churn_type")
    public String churnType;
    /** The alert's churn probability (PD for involuntary churn). */
    public BigDecimal probability;
    @Column(name = "churn_reduction")
    public BigDecimal churnReduction;
    /** What keeping the customer is worth: interest income kept, or LGD x exposure. */
    @Column(name = "value_at_risk")
    public BigDecimal valueAtRisk;
    @Column(name = "value_basis")
    public String valueBasis;
    @Column(name = "interest_income_kept")
    public BigDecimal interestIncomeKept;
    @Column(name = "fixed_cost")
    public BigDecimal fixedCost;
    /** What ran the decision: ALERT_RAISED, ALERT_ESCALATED, ALERT_UPDATED, LOAN_OPENED, LOAN_WAIT_OVER, MANUAL. */
    public String trigger;
    @Enumerated(EnumType.STRING)
    public CandidateDecision decision;
    /** Why it was not proposed, "; "-separated. */
    public String reasons;
    @Column(name = "intervention_id")
    public UUID interventionId;
}
