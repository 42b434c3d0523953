package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A loan's overdue installments, folded from what loan-service's events said, in the order they
 * happened: PAYMENT_MISSED adds the installment (its due date and what it asks, fees included), a
 * repayment pays the oldest first (loan-service allocates so), a reversal makes the amount overdue
 * again, DELINQUENCY_CHANGED is loan-service's own figure and wins when it disagrees, closure clears.
 * Days past due count from the oldest overdue due date to the business date, as loan-service's do.
 */
public final class Arrears {

    public enum Kind { MISSED, REPAID, REVERSED, DELINQUENCY, CLOSED }

    /**
     * @param onDate MISSED: the due date; REPAID: the value date; REVERSED and DELINQUENCY: the oldest overdue due date
     *               they imply (business date minus days past due)
     * @param bucket DELINQUENCY: the new bucket (null: current)
     */
    public record Entry(Instant occurredAt, Kind kind, LocalDate onDate, BigDecimal amount, String bucket) {
    }

    /** @param oldestOverdueOn null when nothing is overdue */
    public record State(BigDecimal overdue, LocalDate oldestOverdueOn, String bucket) {

        public int daysPastDue(LocalDate asOf) {
            return oldestOverdueOn == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(oldestOverdueOn, asOf));
        }
    }

    private record Item(LocalDate dueDate, BigDecimal unpaid) {
    }

    private Arrears() {
    }

    public static State fold(List<Entry> entries) {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::kind));
        List<Item> overdue = new ArrayList<>();
        String bucket = null;
        for (Entry e : ordered) {
            switch (e.kind()) {
                case MISSED, REVERSED -> {
                    if (e.onDate() != null && e.amount().signum() > 0) {
                        overdue.add(new Item(e.onDate(), e.amount()));
                        overdue.sort(Comparator.comparing(Item::dueDate));
                    }
                }
                case REPAID -> pay(overdue, e.amount());
                case DELINQUENCY -> {
                    bucket = e.bucket();
                    if (e.amount().signum() == 0) {
                        overdue.clear();
                    } else if (total(overdue).compareTo(e.amount()) != 0 || overdue.isEmpty()
                            || !overdue.get(0).dueDate().equals(e.onDate())) {
                        // loan-service's figure: keep our breakdown only while it agrees
                        overdue.clear();
                        overdue.add(new Item(e.onDate(), e.amount()));
                    }
                }
                case CLOSED -> {
                    overdue.clear();
                    bucket = null;
                }
            }
        }
        return new State(total(overdue), overdue.isEmpty() ? null : overdue.get(0).dueDate(), bucket);
    }

    private static void pay(List<Item> overdue, BigDecimal amount) {
        BigDecimal left = amount;
        while (left.signum() > 0 && !overdue.isEmpty()) {
            Item oldest = overdue.get(0);
            if (left.compareTo(oldest.unpaid()) >= 0) {
                left = left.subtract(oldest.unpaid());
                overdue.remove(0);
            } else {
                overdue.set(0, new Item(oldest.dueDate(), oldest.unpaid().subtract(left)));
                left = BigDecimal.ZERO;
            }
        }
    }

    private static BigDecimal total(List<Item> items) {
        return items.stream().map(Item::unpaid).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
