package com.lendkeep.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest churn-risk alert of one customer for one churn type, from risk-service's events. */
@Entity
@Table(name = "churn_risk")
public class ChurnRisk {
    public enum Status { RAISED, CLEARED }

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "churn_type")
    public String churnType;
    @Column(name = "alert_id")
    public UUID alertId;
    /** Null when only the clearing of an alert was received. */
    public String level;
    public BigDecimal score;
    /** JSON array of risk-service's reasons. */
    public String reasons;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "loan_id")
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "cleared_at")
    public Instant clearedAt;
    /** occurredAt of the event that set this row: an older event must not overwrite it. */
    @Column(name = "last_event_at")
    public Instant lastEventAt;
}
