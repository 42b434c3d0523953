package com.lendkeep.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What customer-events told us of a customer: no personal data, only what the rules need. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "customer_type")
    public String customerType;
    public String tier;
    public String grade;
    /** False until CONTACT_PREFERENCES_CHANGED arrives: the default channels apply. */
    @Column(name = "preferences_known")
    public boolean preferencesKnown;
    @Column(name = "do_not_contact")
    public boolean doNotContact;
    /** Comma-separated channel codes. */
    @Column(name = "allowed_channels")
    public String allowedChannels;
    /** JSON array of {from, to, reason}. */
    @Column(name = "quiet_periods")
    public String quietPeriods;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
