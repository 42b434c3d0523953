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

/** A modification asked by one user, to be approved or rejected by another (maker-checker). */
@Entity
@Table(name = "modification_request")
public class ModificationRequest {
    @Id
    public UUID id;
    @Column(name = "loan_id")
    public UUID loanId;
    @Enumerated(EnumType.STRING)
    public ModificationKind kind;
    @Column(name = "extension_months")
    public Integer extensionMonths;
    @Column(name = "new_annual_rate")
    public BigDecimal newAnnualRate;
    @Column(name = "new_term_months")
    public Integer newTermMonths;
    @Column(name = "new_installment")
    public BigDecimal newInstallment;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "holiday_months")
    public Integer holidayMonths;
    @Column(name = "fee_waived")
    public BigDecimal feeWaived;
    public String note;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "modification_id")
    public UUID modificationId;
    @Version
    public long version;
}
