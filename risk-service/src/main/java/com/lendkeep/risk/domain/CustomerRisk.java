package com.lendkeep.risk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One customer's risk features (from events) and latest scores: a {@code customer_risk} row, read and written in
 * plain JDBC ({@code FeatureStore}, {@code CustomerRiskRow}). Deliberately not an entity: Hibernate's enhancement
 * routes every field access of an entity class through generated accessors, and the event batch path reads and
 * writes all 41 fields of every customer it scores (docs/risk-model.md section 9).
 */
public class CustomerRisk {
    public UUID customerId;
    public UUID latestLoanId;
    public int activeLoans;
    public BigDecimal loanRate;
    public int daysPastDue;
    public int maxDaysPastDue;
    public int consecutiveMissed;
    public int missedTotal;
    public int paymentsTotal;
    public int paymentsOnTime;
    public BigDecimal lastPaymentRatio;
    public Integer creditScore;
    public int creditScoreChange;
    public int complaints;
    public int hardshipContacts;
    public int payoffInquiries;
    public int competitorMentions;
    public int rateComplaints;
    public int lowSatisfaction;
    public LocalDate forbearanceUntil;
    public BigDecimal involuntaryScore = BigDecimal.ZERO;
    public BigDecimal voluntaryScore = BigDecimal.ZERO;
    public BigDecimal combinedScore = BigDecimal.ZERO;
    public RiskLevel involuntaryLevel = RiskLevel.LOW;
    public RiskLevel voluntaryLevel = RiskLevel.LOW;
    public String reasons = "[]";
    public String modelVersion;
    public Instant updatedAt;
    /** The latest business date an event told us about. */
    public LocalDate asOf;
    /** Due date of the oldest unpaid missed installment; null when current. */
    public LocalDate delinquentSince;
    public BigDecimal creditLimit;
    public String tier;
    public String grade;
    public BigDecimal challengerScore;
    public String challengerVersion;
    public BigDecimal voluntaryChallengerScore;
    public String voluntaryChallengerVersion;
    /** Each active loan's state, JSON (see {@link LoanState}); the batch path keeps it parsed in CustomerState. */
    public String loans = "[]";
    /** The decaying signals, JSON (see {@link Signals}). */
    public String signals = "{}";
    /** The business date from which decay may have moved the score enough to re-score; null: nothing decays. */
    public LocalDate rescoreDue;
    /** The business date of the latest feature snapshot written. */
    public LocalDate snapshotOn;

    public static CustomerRisk fresh(UUID customerId) {
        CustomerRisk r = new CustomerRisk();
        r.customerId = customerId;
        r.updatedAt = Instant.now();
        return r;
    }
}
