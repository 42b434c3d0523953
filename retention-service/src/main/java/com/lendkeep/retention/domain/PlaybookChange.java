package com.lendkeep.retention.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of the playbook: who changed which rule, when, from what to what, and the whole rule set after it. */
@Entity
@Table(name = "playbook_change")
public class PlaybookChange {
    @Id
    public int version;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    /** SEED, CREATE, UPDATE or DELETE. */
    public String action;
    @Column(name = "rule_id")
    public String ruleId;
    public String before;
    public String after;
    public String comment;
    public String snapshot;
}
