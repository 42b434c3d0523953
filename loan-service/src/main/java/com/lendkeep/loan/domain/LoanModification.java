package com.lendkeep.loan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A modification applied to a loan: from an accepted intervention or an approved request. */
@Entity
@Table(name = "loan_modification")
public class LoanModification {
    @Id
    public UUID id;
    @Column(name = "loan_id")
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public ModificationKind kind;
    @Column(name = "intervention_id")
    public UUID interventionId;
    @Column(name = "request_id")
    public UUID requestId;
    public String details;
    /** Earned interest or fees waived by this modification: what the customer owes less because of it. */
    public java.math.BigDecimal concession = java.math.BigDecimal.ZERO.setScale(2);
    @Column(name = "applied_on")
    public LocalDate appliedOn;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
