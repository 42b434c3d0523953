package com.lendkeep.risk.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signals that fade with time: each is a value brought up to a date, and halves every half-life
 * after it. Adding an event decays what was there to the event's date first, so a signal is the sum
 * of its events, each weighted 0.5^(age / half-life). An event dated before the stored date is
 * decayed to the stored date instead (events of different topics arrive out of order).
 */
public final class Signals {

    /** Value, the epoch day it holds for, and how many events made it (never decays: for the reason's words). */
    private final Map<String, double[]> values;

    public Signals(Map<String, double[]> values) {
        this.values = new TreeMap<>(values);
    }

    public static Signals empty() {
        return new Signals(Map.of());
    }

    public Map<String, double[]> values() {
        return values;
    }

    public void add(String key, double amount, LocalDate on, double halfLifeDays) {
        double[] v = values.get(key);
        long day = on.toEpochDay();
        if (v == null) {
            values.put(key, new double[] {amount, day, 1});
        } else if (day >= v[1]) {
            values.put(key, new double[] {decay(v[0], day - (long) v[1], halfLifeDays) + amount, day, count(v) + 1});
        } else {
            values.put(key, new double[] {v[0] + decay(amount, (long) v[1] - day, halfLifeDays), v[1], count(v) + 1});
        }
    }

    /** The value on {@code today}; 0 when never seen. */
    public double value(String key, LocalDate today, double halfLifeDays) {
        double[] v = values.get(key);
        if (v == null) {
            return 0.0;
        }
        long age = Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofEpochDay((long) v[1]), today));
        return decay(v[0], age, halfLifeDays);
    }

    /** How many events made the signal (all time). */
    public int count(String key) {
        double[] v = values.get(key);
        return v == null ? 0 : count(v);
    }

    private static int count(double[] v) {
        return v.length > 2 ? (int) v[2] : 1;
    }

    /** The date the signal was last brought up to, or null. */
    public LocalDate lastOn(String key) {
        double[] v = values.get(key);
        return v == null ? null : LocalDate.ofEpochDay((long) v[1]);
    }

    static double decay(double value, long days, double halfLifeDays) {
        return halfLifeDays <= 0 ? value : value * Math.pow(0.5, days / halfLifeDays);
    }
}
