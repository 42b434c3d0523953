package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One churn-risk alert as retention-service treats it: its cohort, where the playbook stands, open or cleared. */
@Entity
@Table(name = "alert_case")
public class AlertCase {
    @Id
    @Column(name = "alert_id")
    public UUID alertId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "churn_type")
    public String churnType;
    public String level;
    public BigDecimal score;
    /** JSON array of the reason sentences, as in the latest CHURN_RISK_ALERT_RAISED. */
    public String reasons;
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "model_version")
    public String modelVersion;
    @Enumerated(EnumType.STRING)
    public Cohort cohort;
    /** The alert's occurredAt: outcome windows, budgets and limits are measured from it. */
    @Column(name = "alerted_at")
    public Instant alertedAt;
    /** The alert's business date (envelope businessDate, else occurredAt's UTC date): outcome windows start on it. */
    @Column(name = "alerted_on")
    public java.time.LocalDate alertedOn;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** OPEN or CLEARED. */
    public String status;
    @Column(name = "cleared_at")
    public Instant clearedAt;
    @Enumerated(EnumType.STRING)
    public CaseEvaluation evaluation;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When risk-service wrote the latest alert event applied here (events of one alert may arrive out of order). */
    @Column(name = "last_event_at")
    public Instant lastEventAt;
}
