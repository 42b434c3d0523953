package com.lendkeep.retention.domain;

/** What happened to one candidate the playbook produced for an alert. */
public enum CandidateDecision {
    PROPOSED,
    /** An eligibility rule excludes it; the reasons are recorded. */
    INELIGIBLE,
    /** Its cost does not fit in the period's remaining budget. */
    OVER_BUDGET,
    /** A higher-priority loan-terms intervention was chosen for the alert. */
    OUTRANKED,
    /** The alert already has an intervention of this kind, or an open loan-terms one. */
    ALREADY_COVERED
}
