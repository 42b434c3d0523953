package com.lendkeep.retention.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class Intervention {
    @Id
    public UUID id;
    @Column(name = "alert_id")
    public UUID alertId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "churn_type")
    public String churnType;
    @Enumerated(EnumType.STRING)
    public InterventionKind kind;
    @Enumerated(EnumType.STRING)
    public InterventionStatus status;
    @Column(name = "extension_months")
    public Integer extensionMonths;
    @Column(name = "holiday_months")
    public Integer holidayMonths;
    @Column(name = "new_annual_rate")
    public BigDecimal newAnnualRate;
    @Column(name = "new_term_months")
    public Integer newTermMonths;
    @Column(name = "fee_waived")
    public BigDecimal feeWaived;
    @Column(name = "estimated_cost")
    public BigDecimal estimatedCost;
    /** What loan-service reported it cost (LOAN_MODIFIED.concession); null until then or when it did not say. */
    @Column(name = "realised_concession")
    public BigDecimal realisedConcession;
    /** The part of the estimate that is not a concession on the loan (handling, staff time). */
    @Column(name = "fixed_cost")
    public BigDecimal fixedCost;
    @Column(name = "interest_income_kept")
    public BigDecimal interestIncomeKept;
    @Column(name = "expected_value")
    public BigDecimal expectedValue;
    @Column(name = "churn_reduction")
    public BigDecimal churnReduction;
    /** The playbook rule that proposed it, or "manual". */
    @Column(name = "playbook_rule")
    public String playbookRule;
    @Column(name = "playbook_version")
    public Integer playbookVersion;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public Instant proposedAt;
    /** The date the proposal was made for (the alert's date): budget period and yearly limits. */
    @Column(name = "as_of_date")
    public LocalDate asOfDate;
    @Column(name = "budget_period")
    public String budgetPeriod;
    @Column(name = "approval_required")
    public boolean approvalRequired;
    /** When a person must have approved or rejected it (approval required only). */
    @Column(name = "approval_due_at")
    public Instant approvalDueAt;
    /** When the overdue check found its approval overdue and escalated it (RETENTION_ITEM_OVERDUE). */
    @Column(name = "overdue_at")
    public Instant overdueAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "offered_by")
    public String offeredBy;
    @Column(name = "offered_at")
    public Instant offeredAt;
    @Column(name = "offer_channel")
    public String offerChannel;
    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;
    /** Why the offer could not be delivered (BLOCKED), else null. */
    @Column(name = "delivery_detail")
    public String deliveryDetail;
    /** Who recorded the customer's answer, and when. */
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "outcome_detail")
    public String outcomeDetail;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** Realised cost: loan-service's concession plus the fixed cost when loan-service reported one, else the estimate. */
    public BigDecimal realisedCost() {
        if (realisedConcession == null) {
            return estimatedCost;
        }
        return realisedConcession.add(fixedCost == null ? BigDecimal.ZERO : fixedCost);
    }
}
