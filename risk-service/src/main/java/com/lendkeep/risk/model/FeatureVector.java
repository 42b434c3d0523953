package com.lendkeep.risk.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RepaymentPeriod;
import com.lendkeep.risk.domain.Signal;
import com.lendkeep.risk.scoring.RiskInputs;
import com.lendkeep.risk.service.CustomerState;

/**
 * The numeric inputs of the learned models, computed the same way for training and for scoring
 * (docs/risk-model.md). Most come from the latest six repayment periods, oldest to newest; a
 * customer with fewer periods is padded with empty ones. Sex, marital status, age and education
 * are not inputs, and cannot become inputs: the data model does not hold them.
 */
public final class FeatureVector {

    public static final int PERIODS = 6;

    /** A feature: its name and how to say its value to a person. */
    public record Spec(String name, DoubleFunction<String> reason) {
    }

    public static final List<Spec> SPECS = List.of(
            new Spec("log_credit_limit", v -> "credit limit of " + Math.round(Math.expm1(v))),
            new Spec("dpd_latest_months", v -> Math.round(v * 30) + " days past due in the latest period"),
            new Spec("dpd_max_months", v -> "up to " + Math.round(v * 30) + " days past due in the last six periods"),
            new Spec("months_delinquent", v -> Math.round(v) + " of the last six periods past due"),
            new Spec("months_delinquent_in_a_row", v -> Math.round(v) + " periods past due in a row"),
            new Spec("dpd_trend_months", v -> "payment delays " + (v > 0 ? "growing" : "shrinking") + " over six periods"),
            new Spec("dpd_previous_months", v -> Math.round(v * 30) + " days past due the period before"),
            new Spec("dpd_two_before_months", v -> Math.round(v * 30) + " days past due two periods before"),
            new Spec("utilisation_latest", v -> "balance at " + Math.round(v * 100) + "% of the limit"),
            new Spec("utilisation_average", v -> "balance averaging " + Math.round(v * 100) + "% of the limit"),
            new Spec("utilisation_max", v -> "balance reaching " + Math.round(v * 100) + "% of the limit"),
            new Spec("utilisation_trend", v -> "balance " + (v > 0 ? "rising" : "falling") + " against the limit"),
            new Spec("paid_to_due_latest", v -> "paid " + Math.round(v * 100) + "% of the amount due last period"),
            new Spec("paid_to_due_average", v -> "paid " + Math.round(v * 100) + "% of the amounts due on average"),
            new Spec("months_without_payment", v -> "no payment in " + Math.round(v) + " of the last six periods"),
            new Spec("months_underpaid", v -> "paid less than due in " + Math.round(v) + " of the last six periods"),
            new Spec("log_average_payment", v -> "average payment of " + Math.round(Math.expm1(v))),
            new Spec("payment_to_limit", v -> "payments at " + Math.round(v * 100) + "% of the limit"),
            new Spec("log_latest_payment", v -> "latest payment of " + Math.round(Math.expm1(v))),
            new Spec("log_latest_due", v -> "latest amount due of " + Math.round(Math.expm1(v))),
            new Spec("months_revolving", v -> "carried a balance (minimum paid) in " + Math.round(v) + " periods"),
            new Spec("credit_score_drop_90d", v -> "a bureau score fell " + Math.round(v * 50) + " points from its 90-day high"),
            new Spec("hardship_contacts", v -> "reported financial hardship " + Math.round(v) + " time(s)"),
            new Spec("complaints", v -> Math.round(v) + " complaint(s)"),
            new Spec("payoff_inquiries", v -> "asked for a payoff quote " + Math.round(v) + " time(s)"),
            new Spec("competitor_mentions", v -> "mentioned a competitor's offer " + Math.round(v) + " time(s)"),
            new Spec("rate_above_market_points", v -> String.format("loan rate %.2f points above the market rate", v)),
            new Spec("low_satisfaction", v -> "rated us 2 or less " + Math.round(v) + " time(s)"));

    public static final List<String> NAMES = SPECS.stream().map(Spec::name).toList();

    private FeatureVector() {
    }

    /** One period of the customer (all loans together). */
    record Period(double dpd, double due, double paid) {
    }

    public static double[] compute(CustomerState state, RiskInputs in) {
        CustomerRisk risk = state.risk;
        List<RepaymentPeriod> periods = state.periods;
        List<Period> p = latestPeriods(periods);
        int n = PERIODS;
        double limitValue = limit(risk, periods);
        double lim = Math.max(limitValue, 1.0);
        double[] f = new double[SPECS.size()];
        int k = 0;
        f[k++] = Math.log1p(limitValue);
        Period last = p.get(n - 1);
        f[k++] = last.dpd / 30.0;
        double maxDpd = 0;
        int delinquent = 0;
        for (Period x : p) {
            maxDpd = Math.max(maxDpd, x.dpd);
            if (x.dpd > 0) {
                delinquent++;
            }
        }
        f[k++] = maxDpd / 30.0;
        f[k++] = delinquent;
        int inARow = 0;
        for (int i = n - 1; i >= 0 && p.get(i).dpd > 0; i--) {
            inARow++;
        }
        f[k++] = inARow;
        f[k++] = (last.dpd - p.get(0).dpd) / 30.0;
        f[k++] = p.get(n - 2).dpd / 30.0;
        f[k++] = p.get(n - 3).dpd / 30.0;
        f[k++] = last.due / lim;
        double utilSum = 0;
        double utilMax = 0;
        for (Period x : p) {
            utilSum += x.due / lim;
            utilMax = Math.max(utilMax, x.due / lim);
        }
        f[k++] = utilSum / n;
        f[k++] = utilMax;
        f[k++] = (last.due - p.get(0).due) / lim;
        f[k++] = ratio(last);
        double ratioSum = 0;
        int noPayment = 0;
        int underpaid = 0;
        int revolving = 0;
        double paidSum = 0;
        for (Period x : p) {
            ratioSum += ratio(x);
            if (x.paid == 0 && x.due > 0) {
                noPayment++;
            }
            if (x.paid < x.due) {
                underpaid++;
            }
            if (x.dpd == 0 && x.due > 0 && x.paid < x.due) {
                revolving++;
            }
            paidSum += x.paid;
        }
        f[k++] = ratioSum / n;
        f[k++] = noPayment;
        f[k++] = underpaid;
        f[k++] = Math.log1p(paidSum / n);
        f[k++] = paidSum / n / lim;
        f[k++] = Math.log1p(last.paid);
        f[k++] = Math.log1p(last.due);
        f[k++] = revolving;
        // the same signals as the scorecard's, decayed to the same business date; credit per bureau
        f[k++] = RiskInputs.CreditTrend.of(state.scores, in.today(), 90).fall() / 50.0;
        f[k++] = Math.min(in.signal(Signal.HARDSHIP), 3);
        f[k++] = Math.min(in.signal(Signal.SERVICE_COMPLAINTS) + in.signal(Signal.RATE_COMPLAINTS), 5);
        f[k++] = Math.min(in.signal(Signal.PAYOFF_INQUIRIES), 3);
        f[k++] = Math.min(in.signal(Signal.COMPETITOR_MENTIONS), 3);
        f[k++] = in.rateAboveMarket();
        f[k++] = Math.min(in.signal(Signal.LOW_SATISFACTION), 3);
        return f;
    }

    private static double ratio(Period x) {
        return x.due > 0 ? Math.min(x.paid / x.due, 2.0) : 1.0;
    }

    /** The credit limit when there is one, otherwise the largest balance seen (an instalment loan's principal). */
    private static double limit(CustomerRisk risk, List<RepaymentPeriod> periods) {
        if (risk.creditLimit != null && risk.creditLimit.signum() > 0) {
            return risk.creditLimit.doubleValue();
        }
        return periods.stream().map(x -> x.outstanding).filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).max().orElse(0.0);
    }

    /** The latest {@link #PERIODS} periods, oldest first, loans added up, padded with empty periods at the old end. */
    static List<Period> latestPeriods(List<RepaymentPeriod> periods) {
        Map<LocalDate, double[]> byDate = new TreeMap<>();
        for (RepaymentPeriod rp : periods) {
            double[] acc = byDate.computeIfAbsent(rp.periodDate, d -> new double[3]);
            acc[0] = Math.max(acc[0], rp.daysPastDue);
            acc[1] += rp.amountDue.doubleValue();
            acc[2] += rp.amountPaid.doubleValue();
        }
        List<Period> all = new ArrayList<>();
        byDate.values().forEach(a -> all.add(new Period(a[0], a[1], a[2])));
        List<Period> latest = new ArrayList<>(all.subList(Math.max(0, all.size() - PERIODS), all.size()));
        while (latest.size() < PERIODS) {
            latest.add(0, new Period(0, 0, 0));
        }
        return latest;
    }

    public static String reason(int index, double value) {
        return SPECS.get(index).reason().apply(value);
    }
}
