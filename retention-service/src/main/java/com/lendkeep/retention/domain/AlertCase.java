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
    public String reasons;
    @Column(name = "loan_id")
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public Cohort cohort;
    @Column(name = "received_at")
    public Instant receivedAt;
}
