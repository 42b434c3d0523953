package com.lendkeep.retention.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A current playbook rule, its definition stored as JSON (rules.PlaybookRule). */
@Entity
@Table(name = "playbook_rule")
public class PlaybookRuleRecord {
    @Id
    public String id;
    public int priority;
    public String definition;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
