package com.lendkeep.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Work for a person: the accepted relationship-manager call or financial counselling. */
@Entity
@Table(name = "retention_task")
public class RetentionTask {
    @Id
    public UUID id;
    @Column(name = "intervention_id")
    public UUID interventionId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Enumerated(EnumType.STRING)
    public InterventionKind kind;
    public String owner;
    @Column(name = "due_date")
    public LocalDate dueDate;
    /** The end of the due date (UTC): after it an open task is overdue. */
    @Column(name = "due_at")
    public Instant dueAt;
    /** When the overdue check escalated it (RETENTION_ITEM_OVERDUE). */
    @Column(name = "overdue_at")
    public Instant overdueAt;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    public String note;
    @Version
    public long version;
}
