package com.lendkeep.customer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "credit_score")
public class CreditScore {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public String bureau;
    public int score;
    @Column(name = "score_date")
    public LocalDate scoreDate;
    @Column(name = "received_at")
    public Instant receivedAt;
}
