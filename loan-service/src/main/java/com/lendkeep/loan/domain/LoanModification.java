package com.lendkeep.loan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "loan_modification")
public class LoanModification {
    public enum Kind { PAYMENT_EXTENSION, RATE_CHANGE }

    @Id
    public UUID id;
    @Column(name = "loan_id")
    public UUID loanId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "intervention_id")
    public UUID interventionId;
    public String details;
    @Column(name = "applied_on")
    public LocalDate appliedOn;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
