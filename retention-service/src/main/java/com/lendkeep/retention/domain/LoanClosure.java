package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A LOAN_CLOSED: the outcome of an alerted customer and the loss it caused. */
@Entity
@Table(name = "loan_closure")
public class LoanClosure {
    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String closure;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    /** The closure's business date (the envelope's businessDate, else closedOn): outcomes are dated by it. */
    @Column(name = "closed_date")
    public LocalDate closedDate;
    @Column(name = "written_off_fees")
    public BigDecimal writtenOffFees;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "unrecovered_principal")
    public BigDecimal unrecoveredPrincipal;
    @Column(name = "unrecovered_interest")
    public BigDecimal unrecoveredInterest;
    /** PREPAID only: the interest the remaining schedule would have earned; null when the loan's terms are unknown. */
    @Column(name = "interest_income_lost")
    public BigDecimal interestIncomeLost;
}
