package com.lendkeep.retention.domain;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of an intervention (docs/retention.md has the diagram). */
public enum InterventionStatus {
    /** Waiting for approval: its cost is above the approval threshold. */
    PROPOSED,
    /** Approved by a person (four eyes) or automatically below the threshold; not yet offered. */
    APPROVED,
    /** The approver refused it. */
    REJECTED,
    /** The contact policy does not allow delivering the offer now; the reason is kept. */
    BLOCKED,
    /** Offered to the customer on a channel, open until it expires. */
    OFFERED,
    ACCEPTED,
    DECLINED,
    /** Nobody answered the offer in time. */
    EXPIRED,
    /** Taken back before the customer accepted: alert cleared, loan closed, customer erased, or by hand. */
    WITHDRAWN,
    /** loan-service confirmed the modification, or the task was done. */
    APPLIED,
    /** loan-service could not apply it, or the task was cancelled; the reason is kept. */
    FAILED;

    /** Statuses whose estimated cost counts against the budget and the yearly limits. */
    public static final Set<InterventionStatus> COMMITTED = EnumSet.of(PROPOSED, APPROVED, BLOCKED, OFFERED, ACCEPTED, APPLIED);

    /** Not yet answered by the customer: may still be withdrawn. */
    public static final Set<InterventionStatus> OPEN = EnumSet.of(PROPOSED, APPROVED, BLOCKED, OFFERED);

    private static final java.util.Map<InterventionStatus, Set<InterventionStatus>> NEXT = new java.util.EnumMap<>(InterventionStatus.class);

    static {
        NEXT.put(PROPOSED, EnumSet.of(APPROVED, REJECTED, WITHDRAWN));
        NEXT.put(APPROVED, EnumSet.of(OFFERED, BLOCKED, WITHDRAWN));
        NEXT.put(BLOCKED, EnumSet.of(OFFERED, BLOCKED, WITHDRAWN));
        NEXT.put(OFFERED, EnumSet.of(ACCEPTED, DECLINED, EXPIRED, WITHDRAWN));
        NEXT.put(ACCEPTED, EnumSet.of(APPLIED, FAILED));
        for (InterventionStatus end : EnumSet.of(REJECTED, DECLINED, EXPIRED, WITHDRAWN, APPLIED, FAILED)) {
            NEXT.put(end, EnumSet.noneOf(InterventionStatus.class));
        }
    }

    public boolean canBecome(InterventionStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
