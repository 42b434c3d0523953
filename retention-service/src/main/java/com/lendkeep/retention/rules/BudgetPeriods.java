package com.lendkeep.retention.rules;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import com.lendkeep.retention.config.RetentionConfig.BudgetPeriod;

/** The budget period a date falls in: "2027-02" (MONTH), "2027-Q1" (QUARTER), "2027" (YEAR). */
public final class BudgetPeriods {
    private BudgetPeriods() {
    }

    public record Range(String key, LocalDate from, LocalDate to) {
    }

    public static Range of(BudgetPeriod period, LocalDate date) {
        return switch (period) {
            case MONTH -> {
                LocalDate from = date.withDayOfMonth(1);
                yield new Range(String.format("%d-%02d", date.getYear(), date.getMonthValue()), from, from.plusMonths(1).minusDays(1));
            }
            case QUARTER -> {
                int quarter = date.get(IsoFields.QUARTER_OF_YEAR);
                LocalDate from = LocalDate.of(date.getYear(), (quarter - 1) * 3 + 1, 1);
                yield new Range(date.getYear() + "-Q" + quarter, from, from.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Range(Integer.toString(date.getYear()), LocalDate.of(date.getYear(), 1, 1), LocalDate.of(date.getYear(), 12, 31));
        };
    }
}
