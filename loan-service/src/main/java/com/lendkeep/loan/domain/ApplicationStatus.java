package com.lendkeep.loan.domain;

/** SUBMITTED -> APPROVED -> DISBURSED; SUBMITTED or APPROVED -> REJECTED or WITHDRAWN. */
public enum ApplicationStatus {
    SUBMITTED, APPROVED, REJECTED, WITHDRAWN, DISBURSED
}
