package com.lendkeep.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One status change of an intervention: the audit trail of who decided what and when. */
@Entity
@Table(name = "intervention_event")
public class InterventionEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "intervention_id")
    public UUID interventionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public InterventionStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public InterventionStatus toStatus;
    public String actor;
    public Instant at;
    public String detail;
}
