package com.lendkeep.risk.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "credit_score_point")
@IdClass(CreditScorePoint.Key.class)
public class CreditScorePoint {
    public record Key(UUID customerId, String bureau, LocalDate scoreDate) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    /** Scores of different bureaus are on different scales and never compared. */
    @Id
    public String bureau;
    @Id
    @Column(name = "score_date")
    public LocalDate scoreDate;
    public int score;
}
