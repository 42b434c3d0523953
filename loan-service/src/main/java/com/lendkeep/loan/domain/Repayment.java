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
    @Column(name = "to_fees")
    public BigDecimal toFees;
    @Column(name = "to_interest")
    public BigDecimal toInterest;
    @Column(name = "to_principal")
    public BigDecimal toPrincipal;
    /** What was above the payoff amount: kept as the loan's credit balance. */
    @Column(name = "to_credit")
    public BigDecimal toCredit = BigDecimal.ZERO.setScale(2);
    /** Days from the oldest unpaid due date to the value date (0 when not past). */
    @Column(name = "days_late")
    public int daysLate;
    /** Within the grace days. */
    @Column(name = "on_time")
    public boolean onTime;
    /** The loan's installments (and credit balance) just before this repayment, as JSON: what a reversal puts back. */
    @Column(name = "state_before")
    public String stateBefore;
    @Column(name = "reversed_on")
    public LocalDate reversedOn;
    @Column(name = "reversal_reason")
    public String reversalReason;
    @Column(name = "reversed_by")
    public String reversedBy;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
