package com.lendkeep.loan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Cash received for a loan after it was charged off. */
@Entity
@Table(name = "loan_recovery")
public class LoanRecovery {
    @Id
    public UUID id;
    @Column(name = "loan_id")
    public UUID loanId;
    public BigDecimal amount;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
