package com.lendkeep.retention.domain;

/** What happened to one candidate the playbook produced for an alert (docs/retention.md, "Next-best action"). */
public enum CandidateDecision {
    /** The winner: proposed as an intervention. */
    PROPOSED,
    /** An eligibility rule excludes it; the reasons are recorded. */
    INELIGIBLE,
    /** Its expected value is not positive: it costs more than it is expected to keep. */
    NO_POSITIVE_VALUE,
    /** The contact policy allows no offer to this customer (do not contact). */
    CONTACT_POLICY,
    /** Its cost does not fit in the period's remaining budget. */
    OVER_BUDGET,
    /** Another loan-terms candidate of higher expected value (or equal value and higher priority) won. */
    OUTRANKED,
    /** The alert already has an intervention of this kind, or an open loan-terms one. */
    ALREADY_COVERED,
    /** The customer is in the control group: this is what would have been proposed, held out so that uplift can be measured. */
    CONTROL_GROUP
}
