package com.lendkeep.customer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A customer's contact preferences and consent. No row means the defaults: contact allowed on every channel. */
@Entity
@Table(name = "contact_preference")
public class ContactPreference {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "do_not_contact")
    public boolean doNotContact;
    /** Comma-separated {@link Contact.Channel} names, in enum order; empty means none. */
    @Column(name = "allowed_channels")
    public String allowedChannels;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quiet_period", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    public List<QuietPeriod> quietPeriods = new ArrayList<>();
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static ContactPreference defaults(UUID customerId) {
        ContactPreference p = new ContactPreference();
        p.customerId = customerId;
        p.doNotContact = false;
        p.channels(EnumSet.allOf(Contact.Channel.class));
        return p;
    }

    public Set<Contact.Channel> channels() {
        if (allowedChannels == null || allowedChannels.isEmpty()) {
            return EnumSet.noneOf(Contact.Channel.class);
        }
        return Arrays.stream(allowedChannels.split(",")).map(Contact.Channel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Contact.Channel.class)));
    }

    public void channels(Set<Contact.Channel> channels) {
        allowedChannels = EnumSet.copyOf(channels.isEmpty() ? EnumSet.noneOf(Contact.Channel.class) : channels).stream()
                .map(Enum::name).collect(Collectors.joining(","));
    }

    @Embeddable
    public static class QuietPeriod {
        @Column(name = "from_date")
        public LocalDate from;
        @Column(name = "to_date")
        public LocalDate to;
        public String reason;

        public QuietPeriod() {
        }

        public QuietPeriod(LocalDate from, LocalDate to, String reason) {
            this.from = from;
            this.to = to;
            this.reason = reason;
        }
    }
}
