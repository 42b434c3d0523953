package com.lendkeep.customer.domain;

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
public class Customer {
    @Id
    public UUID id;
    @Column(name = "external_ref")
    public String externalRef;
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type")
    public CustomerType type;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "national_id")
    public String nationalId;
    public String email;
    public String phone;
    @Column(name = "postal_address")
    public String postalAddress;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public Contact.Channel preferredChannel;
    public String industry;
    @Column(name = "annual_income")
    public BigDecimal annualIncome;
    @Enumerated(EnumType.STRING)
    @Column(name = "collateral_type")
    public CollateralType collateralType;
    @Column(name = "collateral_value")
    public BigDecimal collateralValue;
    @Column(name = "collateral_appraised_on")
    public LocalDate collateralAppraisedOn;
    @Column(name = "relationship_since")
    public LocalDate relationshipSince;
    @Column(name = "relationship_manager")
    public String relationshipManager;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "erased_by")
    public String erasedBy;
    @Column(name = "erasure_reference")
    public String erasureReference;
    /** Set when a privacy officer forced the erasure past a retention rule (then erasedBy is them). */
    @Column(name = "erasure_overridden_rule")
    public String erasureOverriddenRule;
    @Column(name = "erasure_force_reason")
    public String erasureForceReason;
    @Column(name = "erasure_forced_by")
    public String erasureForcedBy;
    /** Optimistic lock of the profile; derived values below are written without touching it. */
    @Version
    public long version;

    // Derived values: read here, written only by AssessmentService (native SQL, same transaction).
    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public Tier tier;
    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public Grade grade;
    @Enumerated(EnumType.STRING)
    @Column(name = "relationship_depth", insertable = false, updatable = false)
    public RelationshipDepth relationshipDepth;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage", insertable = false, updatable = false)
    public LifecycleStage lifecycleStage;
    /** JSON of the CustomerAssessment. */
    @Column(insertable = false, updatable = false)
    public String assessment;
    @Column(name = "assessed_at", insertable = false, updatable = false)
    public Instant assessedAt;

    public boolean erased() {
        return erasedAt != null;
    }
}
