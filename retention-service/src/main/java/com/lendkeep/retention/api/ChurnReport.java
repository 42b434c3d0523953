package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.retention.domain.InterventionKind;

/** The churn report of alerted customers (definitions and formulas in docs/retention.md, "Reports"). */
@Schema(description = "Churn, loss, interventions and uplift of the customers alerted between from and to")
public record ChurnReport(LocalDate from, LocalDate to, Instant asOf, int observationDays, Population population,
        List<ChurnGroup> churnByTypeAndCause, List<Month> churnByMonth, Loss loss, List<KindStats> interventionsByKind,
        Uplift uplift, List<Recommendation> recommendations) {

    /** @param pending alerted customers whose observation window is still running and who have not churned */
    public record Population(int alertedCustomers, int decided, int pending, int retained, int churned,
            int churnedVoluntary, int churnedInvoluntary) {
    }

    public record ChurnGroup(String churnType, String cause, int customers) {
    }

    /** Customers by the month of their first alert in the period; churnRate = churned / decided. */
    public record Month(String month, int alerted, int decided, int churned, int voluntary, int involuntary, BigDecimal churnRate) {
    }

    public record Loss(InvoluntaryLoss involuntary, VoluntaryLoss voluntary, BigDecimal total) {
    }

    public record InvoluntaryLoss(int customers, BigDecimal unrecoveredPrincipal, BigDecimal unrecoveredInterest, BigDecimal total) {
    }

    /** @param loansWithoutTerms prepaid loans whose LOAN_OPENED never arrived: their interest lost is not estimated */
    public record VoluntaryLoss(int customers, BigDecimal interestIncomeLost, int loansWithoutTerms) {
    }

    /** @param acceptanceRate accepted / offered, null when nothing was offered; cost = estimated cost of ACCEPTED and APPLIED */
    public record KindStats(InterventionKind kind, int proposed, int offered, int accepted, int declined, int expired, int applied,
            BigDecimal acceptanceRate, BigDecimal cost) {
    }

    /** @param retentionRate retained / decided, null when no customer of the group is decided yet */
    public record Group(int customers, int decided, int retained, int churned, BigDecimal retentionRate) {
    }

    /**
     * @param uplift           treatment.retentionRate - control.retentionRate (intention to treat), null if either is null
     * @param treatedWithOffer treatment-group customers who received at least one offer
     */
    public record Uplift(Group treatment, Group control, int treatedWithOffer, BigDecimal uplift, String note) {
    }

    public record Recommendation(String cause, int churnedCustomers, String recommendation, String basis) {
    }
}
