package com.lendkeep.risk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "score_history")
public class ScoreHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "scored_at")
    public Instant scoredAt;
    public String cause;
    @Column(name = "involuntary_score")
    public BigDecimal involuntaryScore;
    @Column(name = "voluntary_score")
    public BigDecimal voluntaryScore;
    @Column(name = "combined_score")
    public BigDecimal combinedScore;
    @Column(name = "model_version")
    public String modelVersion;
    /** The challengers' shadow scores of the same scoring (null when there is none). */
    @Column(name = "involuntary_challenger")
    public BigDecimal involuntaryChallenger;
    @Column(name = "voluntary_challenger")
    public BigDecimal voluntaryChallenger;
    @Column(name = "challenger_version")
    public String challengerVersion;
    @Column(name = "business_date")
    public java.time.LocalDate businessDate;
}
