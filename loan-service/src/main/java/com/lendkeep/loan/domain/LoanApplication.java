package com.lendkeep.loan.domain;

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
import jakarta.persistence.Version;

@Entity
@Table(name = "loan_application")
public class LoanApplication {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public BigDecimal amount;
    @Column(name = "annual_rate")
    public BigDecimal annualRate;
    @Column(name = "term_months")
    public int termMonths;
    @Enumerated(EnumType.STRING)
    public RepaymentMethod method;
    /** FLEXIBLE only: the principal of each period, as a JSON array. */
    @Column(name = "principal_plan")
    public String principalPlan;
    @Column(name = "late_fee")
    public BigDecimal lateFee;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    /** Why it was rejected or withdrawn. */
    public String reason;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "disbursed_by")
    public String disbursedBy;
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
