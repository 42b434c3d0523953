package com.lendkeep.retention.domain;

public enum InterventionStatus {
    PROPOSED, ACCEPTED, DECLINED,
    /** loan-service confirmed the modification. */
    APPLIED,
    /** loan-service could not apply it; the reason is kept. */
    FAILED
}
