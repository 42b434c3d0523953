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
    @Enumerated(EnumType.STRING)
    public CandidateDecision decision;
    /** Why it was not proposed, "; "-separated. */
    public String reasons;
    @Column(name = "intervention_id")
    public UUID interventionId;
}
