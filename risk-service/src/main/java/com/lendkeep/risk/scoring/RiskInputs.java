package com.lendkeep.risk.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.Signal;
import com.lendkeep.risk.service.CustomerState;

/**
 * What the models read about one customer on one business date: the worst active loan's arrears,
 * each bureau's fall from its own high, and every decaying signal as it stands that day.
 *
 * @param today        the business date the inputs hold for
 * @param worstLoanId  the active loan with the most days past due (null when none is late)
 * @param creditBureau the bureau whose fall is largest (null when no bureau fell)
 */
public record RiskInputs(LocalDate today, int daysPastDue, int consecutiveMissed, UUID worstLoanId, String creditBureau,
        int creditHigh, int creditFall, int creditFalls, int creditWindowDays, Map<Signal, Double> signals,
        Map<Signal, Integer> counts, Map<Signal, LocalDate> lastOn, int paymentsTotal, int paymentsOnTime, double rateAboveMarket,
        Integer monthsToMaturity, int maturityMonths) {

    public double signal(Signal s) {
        Double value = signals.get(s); // not getOrDefault(s, 0.0): that boxes a new 0.0 on every call, and most signals are absent
        return value == null ? 0.0 : value;
    }

    public int count(Signal s) {
        return counts.getOrDefault(s, 0);
    }

    public static RiskInputs of(CustomerState s, LocalDate today, RiskConfig.SignalSettings settings, double marketRate) {
        CustomerRisk r = s.risk;
        int dpd = 0;
        int consecutive = 0;
        UUID worst = null;
        double maxRate = -1;
        Integer monthsToMaturity = null;
        for (LoanState loan : s.loans) {
            int d = loan.daysPastDueOn(today);
            if (d > dpd) {
                dpd = d;
                worst = loan.loanId;
            }
            consecutive = Math.max(consecutive, loan.consecutiveMissed);
            if (loan.annualRate != null) {
                maxRate = Math.max(maxRate, loan.annualRate.doubleValue());
            }
            if (loan.maturityDate != null && !loan.maturityDate.isBefore(today)) {
                int months = (int) ChronoUnit.MONTHS.between(today, loan.maturityDate);
                monthsToMaturity = monthsToMaturity == null ? months : Math.min(monthsToMaturity, months);
            }
        }
        if (maxRate < 0 && r.loanRate != null) {
            maxRate = r.loanRate.doubleValue();
        }
        Map<Signal, Double> values = new EnumMap<>(Signal.class);
        Map<Signal, Integer> counts = new EnumMap<>(Signal.class);
        Map<Signal, LocalDate> last = new EnumMap<>(Signal.class);
        for (Signal sig : Signal.values()) {
            int n = s.signals.count(sig.key());
            if (n > 0) {
                values.put(sig, s.signals.value(sig.key(), today, sig.halfLifeDays(settings.halfLifeDays())));
                counts.put(sig, n);
                last.put(sig, s.signals.lastOn(sig.key()));
            }
        }
        CreditTrend trend = CreditTrend.of(s.scores, today, settings.creditWindowDays());
        return new RiskInputs(today, dpd, consecutive, worst, trend.bureau(), trend.high(), trend.fall(), trend.falls(),
                settings.creditWindowDays(), values, counts, last, r.paymentsTotal, r.paymentsOnTime,
                maxRate < 0 ? 0.0 : Math.max(0.0, (maxRate - marketRate) * 100.0), monthsToMaturity, settings.maturityMonths());
    }

    /** The largest fall of one bureau's latest score from that bureau's highest score in the window. */
    public record CreditTrend(String bureau, int high, int fall, int falls) {

        public static CreditTrend of(List<CreditScorePoint> points, LocalDate today, int windowDays) {
            LocalDate from = today.minusDays(windowDays);
            Map<String, List<CreditScorePoint>> byBureau = new java.util.TreeMap<>();
            for (CreditScorePoint p : points) {
                if (!p.scoreDate.isBefore(from)) {
                    byBureau.computeIfAbsent(p.bureau, k -> new ArrayList<>()).add(p);
                }
            }
            CreditTrend worst = new CreditTrend(null, 0, 0, 0);
            for (var e : byBureau.entrySet()) {
                List<CreditScorePoint> series = e.getValue();
                series.sort(Comparator.comparing(p -> p.scoreDate));
                int high = series.stream().mapToInt(p -> p.score).max().orElse(0);
                int latest = series.get(series.size() - 1).score;
                int falls = 0;
                for (int i = 1; i < series.size(); i++) {
                    if (series.get(i).score < series.get(i - 1).score) {
                        falls++;
                    }
                }
                if (high - latest > worst.fall()) {
                    worst = new CreditTrend(e.getKey(), high, high - latest, falls);
                }
            }
            return worst;
        }
    }
}
