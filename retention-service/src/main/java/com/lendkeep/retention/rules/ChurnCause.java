package com.lendkeep.retention.rules;

import java.util.List;
import java.util.Locale;

/**
 * Cause categories of churn, read from the alert's first (strongest) reason sentence by keywords
 * (risk-service's sentences, docs/risk-model.md section 2), each with a rule-based recommendation.
 */
public enum ChurnCause {
    COMPETITOR_OFFER(List.of("competitor"),
            "Customers leave for competitors' offers: enable competitor rate matching for good grades and answer offers within days."),
    PAYOFF_INTENT(List.of("payoff"),
            "Customers ask for payoff quotes before leaving: treat a payoff inquiry as a retention trigger and call back with an offer."),
    SERVICE(List.of("service complaint", "rated us"),
            "Service complaints precede churn: fix the causes of complaints; goodwill alone does not retain."),
    PRICE(List.of("rate"),
            "Customers find their rate too high: review loyalty pricing for loans priced above the market rate."),
    FINANCIAL_HARDSHIP(List.of("hardship"),
            "Customers report hardship before defaulting: refer them to financial counselling and consider restructuring early."),
    CREDIT_DETERIORATION(List.of("credit score"),
            "Falling credit scores precede default: contact customers after a large score drop, before the first missed payment."),
    MISSED_PAYMENTS(List.of("missed installment"),
            "Consecutive missed installments lead to charge-off: offer a payment extension at the first missed installment."),
    ARREARS(List.of("past due"),
            "Arrears build up before charge-off: start collections dialogue and relief earlier in the delinquency cycle."),
    LATE_PAYMENTS(List.of("on time"),
            "Chronic late payment precedes default: offer due-date changes, reminders and direct debit."),
    OTHER(List.of(),
            "Churn with no recognised cause: review the alerts' reasons and add playbook rules for them.");

    private final List<String> keywords;
    private final String recommendation;

    ChurnCause(List<String> keywords, String recommendation) {
        this.keywords = keywords;
        this.recommendation = recommendation;
    }

    public String recommendation() {
        return recommendation;
    }

    /** The cause of the first reason; categories are tried in declaration order
     * (SERVICE before PRICE: "rated us" contains "rate"). */
    public static ChurnCause of(List<String> reasons) {
        if (reasons == null || reasons.isEmpty() || reasons.get(0) == null) {
            return OTHER;
        }
        String reason = reasons.get(0).toLowerCase(Locale.ROOT);
        for (ChurnCause cause : values()) {
            if (cause.keywords.stream().anyMatch(reason::contains)) {
                return cause;
            }
        }
        return OTHER;
    }
}
