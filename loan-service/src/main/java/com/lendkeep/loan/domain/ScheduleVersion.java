package com.lendkeep.loan.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A snapshot of a loan's schedule (JSON) as it was at one version. */
@Entity
@Table(name = "schedule_version")
@IdClass(ScheduleVersion.Key.class)
public class ScheduleVersion {
    public record Key(UUID loanId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Id
    public int version;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
    public String schedule;
}
