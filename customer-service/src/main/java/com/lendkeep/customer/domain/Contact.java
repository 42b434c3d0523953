package com.lendkeep.customer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

@Entity
public class Contact {
    public enum Kind { CALL, VISIT, EMAIL, COMPLAINT, INQUIRY, SURVEY }

    public enum Topic { PAYOFF_INQUIRY, RATE_COMPLAINT, COMPETITOR_OFFER, HARDSHIP, SERVICE_COMPLAINT, GENERAL }

    public enum Channel { PHONE, BRANCH, EMAIL, SMS, APP, LETTER }

    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Topic topic;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public Integer satisfaction;
    public String outcome;
    @Column(name = "logged_by")
    public String loggedBy;
    @Column(name = "contact_date")
    public LocalDate contactDate;
    @Column(name = "logged_at")
    public Instant loggedAt;
}
