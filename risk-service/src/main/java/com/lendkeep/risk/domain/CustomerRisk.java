package com.lendkeep.risk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One customer's risk features (from events) and latest scores. */
@Entity
@Table(name = "customer_risk")
public class CustomerRisk {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "latest_loan_id")
    public UUID latestLoanId;
    @Column(name = "active_loans")
    public int activeLoans;
    @Column(name = "loan_rate")
    public BigDecimal loanRate;
    @Column(name = "days_past_due")
    public int daysPastDue;
    @Column(name = "max_days_past_due")
    public int maxDaysPastDue;
    @Column(name = "consecutive_missed")
    public int consecutiveMissed;
    @Column(name = "missed_total")
    public int missedTotal;
    @Column(name = "payments_total")
    public int paymentsTotal;
    @Column(name = "payments_on_time")
    public int paymentsOnTime;
    @Column(name = "last_payment_ratio")
    public BigDecimal lastPaymentRatio;
    @Column(name = "credit_score")
    public Integer creditScore;
    @Column(name = "credit_score_change")
    public int creditScoreChange;
    public int complaints;
    @Column(name = "hardship_contacts")
    public int hardshipContacts;
    @Column(name = "payoff_inquiries")
    public int payoffInquiries;
    @Column(name = "competitor_mentions")
    public int competitorMentions;
    @Column(name = "rate_complaints")
    public int rateComplaints;
    @Column(name = "low_satisfaction")
    public int lowSatisfaction;
    @Column(name = "forbearance_until")
    public LocalDate forbearanceUntil;
    @Column(name = "involuntary_score")
    public BigDecimal involuntaryScore = BigDecimal.ZERO;
    @Column(name = "voluntary_score")
    public BigDecimal voluntaryScore = BigDecimal.ZERO;
    @Column(name = "combined_score")
    public BigDecimal combinedScore = BigDecimal.ZERO;
    @Enumerated(EnumType.STRING)
    @Column(name = "involuntary_level")
    public RiskLevel involuntaryLevel = RiskLevel.LOW;
    @Enumerated(EnumType.STRING)
    @Column(name = "voluntary_level")
    public RiskLevel voluntaryLevel = RiskLevel.LOW;
    public String reasons = "[]";
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The latest business date an event told us about. */
    @Column(name = "as_of")
    public LocalDate asOf;
    /** Due date of the oldest unpaid missed installment; null when current. */
    @Column(name = "delinquent_since")
    public LocalDate delinquentSince;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
    public String tier;
    public String grade;
    @Column(name = "challenger_score")
    public BigDecimal challengerScore;
    @Column(name = "challenger_version")
    public String challengerVersion;
    @Column(name = "voluntary_challenger_score")
    public BigDecimal voluntaryChallengerScore;
    @Column(name = "voluntary_challenger_version")
    public String voluntaryChallengerVersion;
    /** Each active loan's state, JSON (see {@link LoanState}); the batch path keeps it parsed in CustomerState. */
    public String loans = "[]";
    /** The decaying signals, JSON (see {@link Signals}). */
    public String signals = "{}";
    /** The business date from which decay may have moved the score enough to re-score; null: nothing decays. */
    @Column(name = "rescore_due")
    public LocalDate rescoreDue;
    /** The business date of the latest feature snapshot written. */
    @Column(name = "snapshot_on")
    public LocalDate snapshotOn;

    public static CustomerRisk fresh(UUID customerId) {
        CustomerRisk r = new CustomerRisk();
        r.customerId = customerId;
        r.updatedAt = Instant.now();
        return r;
    }
}
