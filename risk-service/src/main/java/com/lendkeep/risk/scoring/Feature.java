package com.lendkeep.risk.scoring;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.CustomerRisk;

/**
 * The model inputs derived from a customer's risk features, each with the sentence that explains
 * it. Protected attributes (sex, marital status, age) are not features and never will be.
 */
public enum Feature {
    DAYS_PAST_DUE("days-past-due", ChurnType.INVOLUNTARY, r -> Math.min(r.daysPastDue, 180) / 30.0,
            r -> r.daysPastDue + " days past due"),
    CONSECUTIVE_MISSED("consecutive-missed", ChurnType.INVOLUNTARY, r -> Math.min(r.consecutiveMissed, 6),
            r -> r.consecutiveMissed + " consecutive missed installment" + plural(r.consecutiveMissed)),
    CREDIT_SCORE_DROP("credit-score-drop", ChurnType.INVOLUNTARY, r -> Math.max(0, -r.creditScoreChange) / 50.0,
            r -> "credit score fell " + (-r.creditScoreChange) + " points"),
    HARDSHIP("hardship-contacts", ChurnType.INVOLUNTARY, r -> Math.min(r.hardshipContacts, 3),
            r -> "reported financial hardship " + times(r.hardshipContacts)),
    LATE_PAYMENT_SHARE("late-payment-share", ChurnType.INVOLUNTARY,
            r -> r.paymentsTotal >= 3 ? 1.0 - (double) r.paymentsOnTime / r.paymentsTotal : 0.0,
            r -> "only " + Math.round(100.0 * r.paymentsOnTime / Math.max(1, r.paymentsTotal)) + "% of payments on time"),
    PAYOFF_INQUIRIES("payoff-inquiries", ChurnType.VOLUNTARY, r -> Math.min(r.payoffInquiries, 3),
            r -> "asked for a payoff quote " + times(r.payoffInquiries)),
    COMPETITOR_MENTIONS("competitor-mentions", ChurnType.VOLUNTARY, r -> Math.min(r.competitorMentions, 3),
            r -> "mentioned a competitor's offer " + times(r.competitorMentions)),
    RATE_COMPLAINTS("rate-complaints", ChurnType.VOLUNTARY, r -> Math.min(r.rateComplaints, 3),
            r -> "complained about the rate " + times(r.rateComplaints)),
    SERVICE_COMPLAINTS("service-complaints", ChurnType.VOLUNTARY, r -> Math.min(r.complaints, 3),
            r -> r.complaints + " service complaint" + plural(r.complaints)),
    LOW_SATISFACTION("low-satisfaction", ChurnType.VOLUNTARY, r -> Math.min(r.lowSatisfaction, 3),
            r -> "rated us 2 or less " + times(r.lowSatisfaction));

    private final String key;
    private final ChurnType churnType;
    private final ToDoubleFunction<CustomerRisk> value;
    private final Function<CustomerRisk, String> reason;

    Feature(String key, ChurnType churnType, ToDoubleFunction<CustomerRisk> value, Function<CustomerRisk, String> reason) {
        this.key = key;
        this.churnType = churnType;
        this.value = value;
        this.reason = reason;
    }

    public String key() {
        return key;
    }

    public ChurnType churnType() {
        return churnType;
    }

    public double value(CustomerRisk risk) {
        return value.applyAsDouble(risk);
    }

    public String reason(CustomerRisk risk) {
        return reason.apply(risk);
    }

    /** The loan's rate above the market rate, in percentage points; voluntary (refinancing) pressure. */
    public static double rateAboveMarket(CustomerRisk risk, double marketRate) {
        return risk.loanRate == null ? 0.0 : Math.max(0.0, (risk.loanRate.doubleValue() - marketRate) * 100.0);
    }

    public static String rateAboveMarketReason(CustomerRisk risk, double marketRate) {
        return "loan rate " + BigDecimal.valueOf(rateAboveMarket(risk, marketRate)).setScale(2, java.math.RoundingMode.HALF_UP)
                + " points above the market rate";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
