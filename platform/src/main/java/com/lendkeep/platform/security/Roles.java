package com.lendkeep.platform.security;

/**
 * The roles a bearer token carries in its {@code groups} claim. Which role may call which operation
 * is declared with {@code @RolesAllowed} on each REST method; docs/security.md has the matrix.
 */
public final class Roles {

    /** A core banking system: posts customers, loans, repayments, credit scores and contacts. */
    public static final String CORE_BANKING = "core-banking";
    /** A relationship advisor: reads customers, logs contacts, offers interventions and records the answer. */
    public static final String ADVISOR = "advisor";
    /** Approves interventions and loan modifications, edits the playbook, reads reports. */
    public static final String RETENTION_MANAGER = "retention-manager";
    /** Trains and activates models, reads risk. */
    public static final String RISK_ANALYST = "risk-analyst";
    /** Operations: the business date, erasure, scheduled jobs. */
    public static final String ADMIN = "admin";
    /**
     * The data protection officer: may force an erasure that the retention rules refuse (money owed, or
     * within the retention period after the last loan closed), with a reason that is recorded.
     */
    public static final String PRIVACY_OFFICER = "privacy-officer";

    private Roles() {
    }
}
