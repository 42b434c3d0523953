package com.lendkeep.loan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Part of a loan's credit balance paid back to the customer. */
@Entity
@Table(name = "credit_refund")
public class CreditRefund {
    @Id
    public UUID id;
    @Column(name = "loan_id")
    public UUID loanId;
    public BigDecimal amount;
    @Column(name = "refunded_on")
    public LocalDate refundedOn;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
