package com.lendkeep.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a loan, kept from loan-service's loan and repayment events. */
@Entity
@Table(name = "customer_loan")
public class CustomerLoan {
    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "customer_id")
    public UUID customerId;
    /** Null while the loan is known only from repayments. */
    public BigDecimal principal;
    /** ACTIVE, or the closure (PREPAID, REPAID, CHARGED_OFF). */
    public String status;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "annual_rate")
    public BigDecimal annualRate;
    @Column(name = "term_months")
    public Integer termMonths;
    @Column(name = "installment_amount")
    public BigDecimal installmentAmount;
    @Column(name = "maturity_date")
    public LocalDate maturityDate;
    public BigDecimal outstanding;
    /** Value date of the repayment that set {@code outstanding}: an older repayment must not overwrite it. */
    @Column(name = "outstanding_as_of")
    public LocalDate outstandingAsOf;
    @Column(name = "outstanding_event_at")
    public Instant outstandingEventAt;
    @Column(name = "interest_paid")
    public BigDecimal interestPaid = BigDecimal.ZERO;
    public int repayments;
    @Column(name = "last_repayment_on")
    public LocalDate lastRepaymentOn;
    @Column(name = "missed_payments")
    public int missedPayments;
    @Column(name = "delinquency_bucket")
    public String delinquencyBucket;
    @Column(name = "days_past_due")
    public int daysPastDue;
    @Column(name = "overdue_amount")
    public BigDecimal overdueAmount = BigDecimal.ZERO;
    @Column(name = "schedule_version")
    public int scheduleVersion = 1;
    @Column(name = "last_modification")
    public String lastModification;
    @Column(name = "forbearance_until")
    public LocalDate forbearanceUntil;
    @Column(name = "unrecovered_principal")
    public BigDecimal unrecoveredPrincipal;
    @Column(name = "unrecovered_interest")
    public BigDecimal unrecoveredInterest;
    /** Recovered since the charge-off (LOAN_RECOVERY_RECEIVED's running total). */
    public BigDecimal recovered = BigDecimal.ZERO;
    /** Due date of the oldest overdue installment: days past due count from it to the business date. */
    @Column(name = "oldest_overdue_on")
    public LocalDate oldestOverdueOn;
    /** When the rate was set (LOAN_OPENED or LOAN_MODIFIED): a booking read after a modification keeps the modified rate. */
    @Column(name = "rate_event_at")
    public Instant rateEventAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static final String CHARGED_OFF = "CHARGED_OFF";

    /** Days past due on {@code asOf}: from the oldest overdue installment, as loan-service counts them. */
    public int daysPastDue(LocalDate asOf) {
        return oldestOverdueOn == null || !active() ? 0 : (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(oldestOverdueOn, asOf));
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** What the customer still owes on a charged-off loan: unrecovered principal and interest less recoveries; zero otherwise. */
    public BigDecimal chargedOffOwed() {
        if (!CHARGED_OFF.equals(status)) {
            return BigDecimal.ZERO;
        }
        BigDecimal unrecovered = (unrecoveredPrincipal == null ? BigDecimal.ZERO : unrecoveredPrincipal)
                .add(unrecoveredInterest == null ? BigDecimal.ZERO : unrecoveredInterest);
        return unrecovered.subtract(recovered).max(BigDecimal.ZERO);
    }
}
