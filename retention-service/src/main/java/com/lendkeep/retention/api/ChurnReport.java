package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.retention.domain.InterventionKind;

/** The churn report of alerted customers (definitions and formulas in docs/retention.md, "Reports"). */
@Schema(description = "Churn, loss, interventions and uplift of the customers alerted between from and to")
public record ChurnReport(LocalDate from, LocalDate to, Instant asOf, LocalDate businessDate, Definitions definitions,
        Population population, List<ChurnGroup> churnByTypeAndCause, List<TriggerCount> churnByTrigger, List<Month> churnByMonth,
        Loss loss, List<KindStats> interventionsByKind, Uplift uplift, List<Recommendation> recommendations) {

    /** The outcome definitions in force (retention.outcomes.*). */
    public record Definitions(int defaultDaysPastDue, int involuntaryWindowDays, int voluntaryWindowDays, int renewalDays,
            List<String> voluntaryClosures, List<String> involuntaryClosures, List<String> maturedClosures,
            List<String> distressedRestructuringTypes) {
    }

    /** @param pending alerted customers whose observation windows are not all over and who have not churned */
    public record Population(int alertedCustomers, int decided, int pending, int retained, int churned,
            int churnedVoluntary, int churnedInvoluntary) {
    }

    public record ChurnGroup(String churnType, String cause, int customers) {
    }

    /** Churned customers by what made them churned: DEFAULT, CHARGE_OFF, DISTRESSED_RESTRUCTURING, PAYOFF, NOT_RENEWED. */
    public record TriggerCount(String churnType, String trigger, int customers) {
    }

    /** Customers by the month of their first alert in the period; churnRate = churned / decided. */
    public record Month(String month, int alerted, int decided, int retained, int churned, int voluntary, int involuntary,
            BigDecimal churnRate) {
    }

    /** @param total unrecovered (written off) plus interest income lost; defaulted exposure is at risk, not yet lost */
    public record Loss(InvoluntaryLoss involuntary, VoluntaryLoss voluntary, BigDecimal total) {
    }

    /**
     * @param defaultedLoans    loans of involuntarily churned customers that defaulted or were restructured in distress,
     *                          not (yet) charged off
     * @param defaultedExposure their outstanding balance at the last report (exposure at default)
     * @param exposureUnknown   such loans whose balance is unknown here (not in defaultedExposure)
     */
    public record InvoluntaryLoss(int customers, BigDecimal unrecoveredPrincipal, BigDecimal unrecoveredInterest, BigDecimal writtenOffFees,
            BigDecimal total, int defaultedLoans, BigDecimal defaultedExposure, int exposureUnknown) {
    }

    /** @param loansWithoutTerms prepaid loans whose LOAN_OPENED never arrived: their interest lost is not estimated */
    public record VoluntaryLoss(int customers, BigDecimal interestIncomeLost, int loansWithoutTerms) {
    }

    public record Interval(BigDecimal lower, BigDecimal upper) {
    }

    /**
     * @param acceptanceRate     accepted / offered, null when nothing was offered; acceptanceInterval its 95 % Wilson interval
     * @param cost               realised cost of ACCEPTED and APPLIED ones: loan-service's concession when it reported one,
     *                           else the estimate, plus the fixed cost
     * @param intentionToTreat   treatment customers for whom this kind was chosen against control customers for whom it
     *                           would have been
     * @param treatedWithOffer   treatment customers who were offered this kind against the same control customers
     */
    public record KindStats(InterventionKind kind, int proposed, int offered, int accepted, int declined, int expired, int applied,
            BigDecimal acceptanceRate, Interval acceptanceInterval, BigDecimal cost, Comparison intentionToTreat,
            Comparison treatedWithOffer) {
    }

    /** @param retentionRate retained / decided, null when no customer of the group is decided yet */
    public record Group(int customers, int decided, int retained, int churned, BigDecimal retentionRate) {
    }

    /**
     * Treatment against control, decided customers only.
     *
     * @param difference             treatment rate - control rate, null when a group has no decided customer
     * @param interval95             Newcombe's hybrid score 95 % interval of the difference
     * @param pValue                 two-sided two-proportion z-test (pooled)
     * @param sufficient             both groups have at least the configured minimum of decided customers
     * @param perGroupFor5Points     decided customers each group needs to detect 5 points (5 % two-sided, 80 % power)
     * @param conclusion             what may be said, in words
     */
    public record Comparison(Group treatment, Group control, BigDecimal difference, Interval interval95, BigDecimal pValue,
            boolean sufficient, int minimumGroup, int perGroupFor5Points, String conclusion) {
    }

    /** @param method how intervals and p-values are computed */
    public record Uplift(Comparison intentionToTreat, Comparison treatedWithOffer, String method, String note) {
    }

    /** @param evidence why the evidence suffices (figures), or the cause counts it rests on */
    public record Recommendation(String cause, int churnedCustomers, String recommendation, String basis, String evidence) {
    }
}
