package com.lendkeep.risk.service;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.Signal;
import com.lendkeep.risk.scoring.Feature;
import com.lendkeep.risk.scoring.RiskInputs;

/**
 * When a customer's score can have moved with no new event: the first business date on which the
 * decayed signals have lost {@code risk.rescore.min-logit-change} of log-odds together, a late loan's
 * days past due have added as much, a bureau's high leaves the credit window, a loan comes near
 * maturity, or forbearance ends. Null when nothing of the customer moves with time. The scheduled
 * re-score takes only customers whose date has come (docs/risk-model.md, "Time").
 */
@ApplicationScoped
public class RescorePlanner {

    private static final int HORIZON_DAYS = 3650;

    private static final Signal[] SIGNALS = Signal.values();

    private final RiskConfig config;
    /** Per signal (by ordinal): its scorecard weight per unit of signal value, and its half-life in days; computed once. */
    private final double[] weights = new double[SIGNALS.length];
    private final double[] halfLives = new double[SIGNALS.length];
    private final double dpdWeight;

    public RescorePlanner(RiskConfig config) {
        this.config = config;
        for (Signal signal : SIGNALS) {
            // the prepaid share counts per 10 points of principal in the scorecard
            weights[signal.ordinal()] = weight(signal) * (signal == Signal.PREPAID_SHARE ? 10 : 1);
            halfLives[signal.ordinal()] = signal.halfLifeDays(config.signals().halfLifeDays());
        }
        this.dpdWeight = config.scorecard().involuntary().getOrDefault(Feature.DAYS_PAST_DUE.key(), 0.0);
    }

    public LocalDate nextRescore(CustomerState s, RiskInputs in) {
        LocalDate today = in.today();
        double delta = config.rescore().minLogitChange();
        LocalDate next = decayCrossing(in, delta);
        for (LoanState loan : s.loans) {
            if (loan.delinquentSince != null && dpdWeight > 0 && loan.daysPastDueOn(today) < 180) {
                // days past due add dpdWeight / 30 of log-odds a day, up to the 180-day cap
                next = earliest(next, today.plusDays(Math.max(1, (long) Math.ceil(delta * 30 / dpdWeight))));
            }
            if (loan.maturityDate != null) {
                LocalDate near = loan.maturityDate.minusMonths(config.signals().maturityMonths());
                next = near.isAfter(today) ? earliest(next, near) : next;
            }
            if (loan.forbearanceUntil != null && loan.forbearanceUntil.isAfter(today)) {
                next = earliest(next, loan.forbearanceUntil.plusDays(1));
            }
        }
        if (in.creditFall() > 0) {
            for (CreditScorePoint p : s.scores) {
                LocalDate leaves = p.scoreDate.plusDays(config.signals().creditWindowDays() + 1L);
                if (p.bureau.equals(in.creditBureau()) && p.score == in.creditHigh() && leaves.isAfter(today)) {
                    next = earliest(next, leaves);
                }
            }
        }
        return next;
    }

    /** The first day on which the decaying scorecard terms together have lost {@code delta}, by bisection; null if they never will. */
    private LocalDate decayCrossing(RiskInputs in, double delta) {
        double total = 0;
        double[][] terms = new double[SIGNALS.length][];
        int k = 0;
        for (Signal signal : SIGNALS) {
            double value = in.signal(signal);
            double weight = weights[signal.ordinal()];
            if (value > 0 && weight > 0) {
                terms[k++] = new double[] {weight * value, halfLives[signal.ordinal()]};
                total += weight * value;
            }
        }
        if (total <= delta) {
            return null;
        }
        long lo = 0;
        long hi = HORIZON_DAYS;
        while (lo < hi) {
            long mid = (lo + hi) / 2;
            double lost = 0;
            for (int i = 0; i < k; i++) {
                lost += terms[i][0] * (1 - Math.pow(0.5, mid / terms[i][1]));
            }
            if (lost >= delta) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return in.today().plusDays(Math.max(1, lo));
    }

    private double weight(Signal signal) {
        Map<String, Double> inv = config.scorecard().involuntary();
        Map<String, Double> vol = config.scorecard().voluntary();
        return Math.max(inv.getOrDefault(signal.key(), 0.0), vol.getOrDefault(signal.key(), 0.0));
    }

    static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
