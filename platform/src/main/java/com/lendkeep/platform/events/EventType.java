package com.lendkeep.platform.events;

/** Every event type of the product, with the topic it travels on. */
public enum EventType {
    CUSTOMER_REGISTERED(Topics.CUSTOMER_EVENTS),
    TIER_CHANGED(Topics.CUSTOMER_EVENTS),
    GRADE_CHANGED(Topics.CUSTOMER_EVENTS),
    CONTACT_PREFERENCES_CHANGED(Topics.CUSTOMER_EVENTS),
    /** Personal data was pseudonymized: every service drops what personal data it holds. */
    CUSTOMER_ERASED(Topics.CUSTOMER_EVENTS),
    CREDIT_SCORE_CHANGED(Topics.CREDIT_SCORE_EVENTS),
    CONTACT_LOGGED(Topics.CONTACT_EVENTS),

    /** A loan application was rejected or withdrawn: pre-loan churn. */
    LOAN_APPLICATION_CLOSED(Topics.LOAN_EVENTS),
    LOAN_OPENED(Topics.LOAN_EVENTS),
    DELINQUENCY_CHANGED(Topics.LOAN_EVENTS),
    LOAN_MODIFIED(Topics.LOAN_EVENTS),
    LOAN_MODIFICATION_REJECTED(Topics.LOAN_EVENTS),
    LOAN_CLOSED(Topics.LOAN_EVENTS),
    /** Someone asked for a payoff quote: a voluntary-churn signal. */
    PAYOFF_QUOTED(Topics.LOAN_EVENTS),
    /** Money recovered on a charged-off loan. */
    LOAN_RECOVERY_RECEIVED(Topics.LOAN_EVENTS),
    /** The loan book's business date moved (close of business); keyed by {@link EventEnvelope#SYSTEM_CUSTOMER_ID}. */
    BUSINESS_DATE_CHANGED(Topics.LOAN_EVENTS),

    REPAYMENT_RECEIVED(Topics.REPAYMENT_EVENTS),
    PAYMENT_MISSED(Topics.REPAYMENT_EVENTS),
    /** A repayment bounced or was reversed: its allocation is undone. */
    REPAYMENT_REVERSED(Topics.REPAYMENT_EVENTS),

    CHURN_RISK_ALERT_RAISED(Topics.CHURN_ALERTS),
    CHURN_RISK_ALERT_CLEARED(Topics.CHURN_ALERTS),
    /** An open alert changed level (up or down) or top reason. */
    CHURN_RISK_ALERT_UPDATED(Topics.CHURN_ALERTS),

    INTERVENTION_ACCEPTED(Topics.RETENTION_EVENTS),
    /** An approval or a task passed its due time without being done. */
    RETENTION_ITEM_OVERDUE(Topics.RETENTION_EVENTS);

    private final String topic;

    EventType(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
