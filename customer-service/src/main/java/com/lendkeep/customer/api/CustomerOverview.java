package com.lendkeep.customer.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer 360: what a relationship manager needs on one page. */
@Schema(description = "Profile with derived values and reasons, credit-score trend, recent contacts, consent, loans and churn risk.")
public record CustomerOverview(CustomerResponse profile, CreditScoreTrend creditScores, List<ContactResponse> recentContacts,
        ContactPreferencesResponse contactPreferences, LoanSummary loanSummary, List<LoanStatus> loans,
        List<ChurnRiskStatus> churnRisk) {

    /**
     * @param points           the latest scores, oldest first
     * @param change           latest minus the same bureau's score before it (null without one)
     * @param changeOverPoints latest minus the oldest of {@code points}
     * @param direction        RISING, FALLING or STABLE over {@code points}; NONE without scores
     */
    public record CreditScoreTrend(Integer latest, LocalDate latestDate, String latestBureau, Integer change,
            Integer changeOverPoints, String direction, List<ScorePoint> points) {
    }

    @Schema(name = "CreditScorePoint", description = "One credit-bureau score")
    public record ScorePoint(LocalDate scoreDate, int score, String bureau) {
    }

    public record LoanSummary(int activeLoans, int loansEver, BigDecimal exposure, BigDecimal totalBorrowed,
            BigDecimal interestIncome, int delinquentLoans, int maxDaysPastDue) {
    }

    /** One loan as loan-service's events describe it. */
    @Schema(name = "CustomerLoanStatus", description = "One loan of the customer as customer-service knows it")
    public record LoanStatus(UUID loanId, String status, BigDecimal principal, BigDecimal outstanding, BigDecimal interestPaid,
            BigDecimal annualRate, Integer termMonths, LocalDate openedOn, LocalDate maturityDate, LocalDate closedOn,
            int repayments, LocalDate lastRepaymentOn, int missedPayments, String delinquencyBucket, int daysPastDue,
            BigDecimal overdueAmount, int scheduleVersion, String lastModification, LocalDate forbearanceUntil,
            BigDecimal unrecoveredPrincipal) {
    }

    /** The latest alert of one churn type, from risk-service. */
    public record ChurnRiskStatus(String churnType, String status, String level, BigDecimal score, List<String> reasons,
            String modelVersion, UUID alertId, UUID loanId, Instant raisedAt, Instant clearedAt, Instant updatedAt) {
    }
}
