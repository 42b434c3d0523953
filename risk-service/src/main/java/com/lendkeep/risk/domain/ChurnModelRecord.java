package com.lendkeep.risk.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trained model version with its metrics and serialized form. */
@Entity
@Table(name = "churn_model")
public class ChurnModelRecord {
    public enum Status { TRAINED, ACTIVE, CHALLENGER, RETIRED }

    @Id
    public String version;
    public String algorithm;
    @Enumerated(EnumType.STRING)
    @Column(name = "churn_type")
    public ChurnType churnType;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "training_size")
    public int trainingSize;
    public int positives;
    /** JSON: validation AUC, calibration by decile. */
    public String metrics;
    /** JSON array of the feature names, in vector order. */
    @Column(name = "feature_names")
    public String featureNames;
    /** JSON array: each feature's median in the training set, the reference for reason codes. */
    public String baseline;
    public byte[] model;
    /** JSON array of ColumnStats, in vector order; null for models stored before they were kept. */
    @Column(name = "training_stats")
    public String trainingStats;
}
