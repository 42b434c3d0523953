package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Credit facts of a loan from loan-events and repayment-events, kept even for loans whose
 * LOAN_OPENED never arrived: days past due at the last observation, default and distressed
 * restructuring dates (involuntary churn), unpaid fees (fee-waiver eligibility).
 */
@Entity
@Table(name = "loan_status")
public class LoanStatus {
    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "customer_id")
    public UUID customerId;
    /** Days past due as of {@link #observedOn}; it grows one a day until a payment or cure is reported. */
    @Column(name = "days_past_due")
    public int daysPastDue;
    @Column(name = "observed_on")
    public LocalDate observedOn;
    /** The business date on which the loan first reached the default threshold (days past due). */
    @Column(name = "default_on")
    public LocalDate defaultOn;
    /** The business date of its first distressed restructuring. */
    @Column(name = "distressed_on")
    public LocalDate distressedOn;
    /** Unpaid fees at the last event that said; null while no event did. */
    @Column(name = "fees_outstanding")
    public BigDecimal feesOutstanding;
    /** Outstanding balance at the last event that said; null while none did. */
    public BigDecimal outstanding;
    @Column(name = "first_seen_on")
    public LocalDate firstSeenOn;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
