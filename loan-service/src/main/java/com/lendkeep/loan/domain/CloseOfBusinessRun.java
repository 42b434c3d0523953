package com.lendkeep.loan.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one close of business did (counts summed chunk by chunk). */
@Entity
@Table(name = "close_of_business_run")
public class CloseOfBusinessRun {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "previous_date")
    public LocalDate previousDate;
    @Column(name = "business_date")
    public LocalDate businessDate;
    @Column(name = "triggered_by")
    public String triggeredBy;
    @Column(name = "missed_payments")
    public int missedPayments;
    @Column(name = "late_fees_charged")
    public int lateFeesCharged;
    @Column(name = "delinquency_changes")
    public int delinquencyChanges;
    @Column(name = "charged_off")
    public int chargedOff;
    @Column(name = "started_at")
    public Instant startedAt;
    /** Null while the run is not finished (a crash left it so: the next close resumes it). */
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "loans_closed")
    public int loansClosed;
    public int chunks;
}
