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
    /** Scorings in a row with the score below this level's threshold minus the margin. */
    @Column(name = "below_count")
    public int belowCount;
    /** The business date the score first went below (null when it is not below). */
    @Column(name = "below_since")
    public java.time.LocalDate belowSince;
    /** The code of the top reason last published. */
    @Column(name = "top_reason")
    public String topReason;
}
