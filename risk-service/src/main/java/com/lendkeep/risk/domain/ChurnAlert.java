package com.lendkeep.risk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "churn_alert")
public class ChurnAlert {
    public enum Status { OPEN, CLEARED }

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "churn_type")
    public ChurnType churnType;
    @Enumerated(EnumType.STRING)
    public RiskLevel level;
    public BigDecimal score;
    public String reasons;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "loan_id")
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "cleared_at")
    public Instant clearedAt;
}
