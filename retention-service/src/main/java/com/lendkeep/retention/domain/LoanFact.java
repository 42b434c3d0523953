package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What loan-events told us of a loan (see rules.LoanTerms for how the basis is used). */
@Entity
@Table(name = "loan_fact")
public class LoanFact {
    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "customer_id")
    public UUID customerId;
    public BigDecimal principal;
    @Column(name = "original_rate")
    public BigDecimal originalRate;
    @Column(name = "annual_rate")
    public BigDecimal annualRate;
    @Column(name = "term_months")
    public int termMonths;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "installment_amount")
    public BigDecimal installmentAmount;
    @Column(name = "basis_date")
    public LocalDate basisDate;
    @Column(name = "basis_balance")
    public BigDecimal basisBalance;
    @Column(name = "basis_term")
    public int basisTerm;
    @Column(name = "forbearance_until")
    public LocalDate forbearanceUntil;
    @Column(name = "delinquency_bucket")
    public String delinquencyBucket;
    @Column(name = "days_past_due")
    public int daysPastDue;
    public String closure;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
