package com.lendkeep.loan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Repayment {
    @Id
    public UUID id;
    @Column(name = "loan_id")
    public UUID loanId;
    public BigDecimal amount;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "to_interest")
    public BigDecimal toInterest;
    @Column(name = "to_principal")
    public BigDecimal toPrincipal;
    @Column(name = "days_late")
    public int daysLate;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
