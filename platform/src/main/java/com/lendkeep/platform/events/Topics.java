package com.lendkeep.platform.events;

/** Kafka topic names. Documented in docs/events.md. */
public final class Topics {
    public static final String CUSTOMER_EVENTS = "customer-events";
    public static final String CREDIT_SCORE_EVENTS = "credit-score-events";
    public static final String CONTACT_EVENTS = "contact-events";
    public static final String LOAN_EVENTS = "loan-events";
    /** Repayments and missed payments; core banking systems may publish here directly. */
    public static final String REPAYMENT_EVENTS = "repayment-events";
    public static final String CHURN_ALERTS = "churn-risk-alerts";
    public static final String RETENTION_EVENTS = "retention-events";

    private Topics() {
    }
}
