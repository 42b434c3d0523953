package com.lendkeep.risk.scoring;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.domain.Signal;

/**
 * The scorecard's inputs, derived from a customer's {@link RiskInputs} on a business date, each with
 * the sentence that explains it. Protected attributes (sex, marital status, age) are not features and
 * never will be. {@code vectorName} is the learned models' input that carries the same signal (null:
 * none does), so that a learned model that never saw it varying leaves it to the scorecard.
 */
public enum Feature {
    DAYS_PAST_DUE("days-past-due", ChurnType.INVOLUNTARY, "dpd_latest_months", in -> Math.min(in.daysPastDue(), 180) / 30.0,
            in -> in.daysPastDue() + " days past due on the worst loan"),
    CONSECUTIVE_MISSED("consecutive-missed", ChurnType.INVOLUNTARY, "months_delinquent_in_a_row", in -> Math.min(in.consecutiveMissed(), 6),
            in -> in.consecutiveMissed() + " consecutive missed installment" + plural(in.consecutiveMissed())),
    CREDIT_SCORE_DROP("credit-score-drop", ChurnType.INVOLUNTARY, "credit_score_drop_90d", in -> in.creditFall() / 50.0,
            in -> in.creditBureau() + " score fell " + in.creditFall() + " points from its high of " + in.creditHigh() + " in "
                    + in.creditWindowDays() + " days"),
    CREDIT_SCORE_FALLS("credit-score-falls", ChurnType.INVOLUNTARY, null, in -> in.creditFall() > 0 ? Math.min(in.creditFalls(), 4) : 0,
            in -> in.creditBureau() + " score fell " + times(in.creditFalls()) + " in " + in.creditWindowDays() + " days"),
    HARDSHIP("hardship-contacts", ChurnType.INVOLUNTARY, "hardship_contacts", in -> Math.min(in.signal(Signal.HARDSHIP), 3),
            in -> "reported financial hardship " + signalWords(in, Signal.HARDSHIP)),
    LATE_PAYMENT_SHARE("late-payment-share", ChurnType.INVOLUNTARY, "months_delinquent",
            in -> in.paymentsTotal() >= 3 ? 1.0 - (double) in.paymentsOnTime() / in.paymentsTotal() : 0.0,
            in -> "only " + Math.round(100.0 * in.paymentsOnTime() / Math.max(1, in.paymentsTotal())) + "% of payments on time"),
    PAYOFF_QUOTES("payoff-quotes", ChurnType.VOLUNTARY, null, in -> Math.min(in.signal(Signal.PAYOFF_QUOTES), 3),
            in -> "requested a payoff quote " + signalWords(in, Signal.PAYOFF_QUOTES)),
    PREPAID_SHARE("prepaid-share", ChurnType.VOLUNTARY, null, in -> Math.min(in.signal(Signal.PREPAID_SHARE), 1.0) * 10.0,
            in -> "prepaid " + Math.round(100 * in.signal(Signal.PREPAID_SHARE)) + "% of the principal ahead of schedule (last on "
                    + in.lastOn().get(Signal.PREPAID_SHARE) + ")"),
    PAYOFF_INQUIRIES("payoff-inquiries", ChurnType.VOLUNTARY, "payoff_inquiries", in -> Math.min(in.signal(Signal.PAYOFF_INQUIRIES), 3),
            in -> "asked about paying off the loan " + signalWords(in, Signal.PAYOFF_INQUIRIES)),
    COMPETITOR_MENTIONS("competitor-mentions", ChurnType.VOLUNTARY, "competitor_mentions",
            in -> Math.min(in.signal(Signal.COMPETITOR_MENTIONS), 3),
            in -> "mentioned a competitor's offer " + signalWords(in, Signal.COMPETITOR_MENTIONS)),
    RATE_COMPLAINTS("rate-complaints", ChurnType.VOLUNTARY, "complaints", in -> Math.min(in.signal(Signal.RATE_COMPLAINTS), 3),
            in -> "complained about the rate " + signalWords(in, Signal.RATE_COMPLAINTS)),
    SERVICE_COMPLAINTS("service-complaints", ChurnType.VOLUNTARY, "complaints", in -> Math.min(in.signal(Signal.SERVICE_COMPLAINTS), 3),
            in -> "complained about the service " + signalWords(in, Signal.SERVICE_COMPLAINTS)),
    LOW_SATISFACTION("low-satisfaction", ChurnType.VOLUNTARY, "low_satisfaction", in -> Math.min(in.signal(Signal.LOW_SATISFACTION), 3),
            in -> "rated us 2 or less " + signalWords(in, Signal.LOW_SATISFACTION)),
    RATE_ABOVE_MARKET("rate-above-market", ChurnType.VOLUNTARY, "rate_above_market_points", RiskInputs::rateAboveMarket,
            in -> "loan rate " + String.format(java.util.Locale.ROOT, "%.2f", in.rateAboveMarket()) + " points above the market rate"),
    NEARING_MATURITY("nearing-maturity", ChurnType.VOLUNTARY, null,
            in -> in.monthsToMaturity() == null || in.monthsToMaturity() > in.maturityMonths() ? 0.0
                    : (double) (in.maturityMonths() - in.monthsToMaturity() + 1) / (in.maturityMonths() + 1),
            in -> "a loan matures in " + in.monthsToMaturity() + " month" + plural(in.monthsToMaturity()));

    private final String key;
    private final ChurnType churnType;
    private final String vectorName;
    private final ToDoubleFunction<RiskInputs> value;
    private final Function<RiskInputs, String> reason;

    Feature(String key, ChurnType churnType, String vectorName, ToDoubleFunction<RiskInputs> value, Function<RiskInputs, String> reason) {
        this.key = key;
        this.churnType = churnType;
        this.vectorName = vectorName;
        this.value = value;
        this.reason = reason;
    }

    public String key() {
        return key;
    }

    public ChurnType churnType() {
        return churnType;
    }

    /** The learned models' input carrying this signal, or null when none does. */
    public String vectorName() {
        return vectorName;
    }

    public double value(RiskInputs in) {
        return value.applyAsDouble(in);
    }

    public String reason(RiskInputs in) {
        return reason.apply(in);
    }

    /** "twice, last on 2027-03-01; 0.71 after 30 days of fading" in short: count, last date. */
    private static String signalWords(RiskInputs in, Signal s) {
        return times(in.count(s)) + ", last on " + in.lastOn().get(s);
    }

    static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
