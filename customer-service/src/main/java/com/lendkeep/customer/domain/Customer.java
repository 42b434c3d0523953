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
    public String industry;
    @Column(name = "annual_income")
    public BigDecimal annualIncome;
    @Column(name = "relationship_since")
    public LocalDate relationshipSince;
    @Column(name = "relationship_manager")
    public String relationshipManager;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
