package com.lendkeep.loan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One move of a loan between delinquency buckets (null bucket: current). */
@Entity
@Table(name = "delinquency_history")
public class DelinquencyHistory {
    /** What moved the loan. */
    public enum Trigger {
        CLOSE_OF_BUSINESS, REPAYMENT, MODIFICATION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "previous_bucket")
    public String previousBucket;
    @Column(name = "new_bucket")
    public String newBucket;
    @Column(name = "days_past_due")
    public int daysPastDue;
    @Column(name = "overdue_amount")
    public BigDecimal overdueAmount;
    @Column(name = "business_date")
    public LocalDate businessDate;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Trigger trigger;
    @Column(name = "created_at")
    public Instant createdAt;
}
