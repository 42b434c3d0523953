package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class Intervention {
    @Id
    public UUID id;
    @Column(name = "alert_id")
    public UUID alertId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "churn_type")
    public String churnType;
    @Enumerated(EnumType.STRING)
    public InterventionKind kind;
    @Enumerated(EnumType.STRING)
    public InterventionStatus status;
    @Column(name = "extension_months")
    public Integer extensionMonths;
    @Column(name = "new_annual_rate")
    public BigDecimal newAnnualRate;
    @Column(name = "playbook_rule")
    public String playbookRule;
    @Column(name = "outcome_detail")
    public String outcomeDetail;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
