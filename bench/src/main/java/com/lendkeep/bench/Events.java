package com.lendkeep.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Repayment events in the documented envelope (docs/events.md), as a core banking system publishes
 * them on a due date: customer {@code c} of {@code customers} gets its month {@code m} event in
 * round {@code m}, so one batch holds many customers and every customer's events stay in order.
 * Deterministic: the same seed gives the same ids, so the limits read exactly the pipeline's data.
 */
final class Events {

    static final LocalDate FIRST_DUE = LocalDate.of(2026, 1, 1);

    /** 1 in 50 events is a small miss (5 days late: no alert), 1 in 500 a 31-day miss (an alert, cleared by the next repayment). */
    enum Kind { PAID, LATE, MISSED }

    private final long seed;
    final int customers;
    final long events;

    Events(long seed, int customers, long events) {
        this.seed = seed;
        this.customers = customers;
        this.events = events;
    }

    int customerOf(long i) {
        return (int) (i % customers);
    }

    int monthOf(long i) {
        return (int) (i / customers);
    }

    UUID customerId(int c) {
        return id(seed * 31 + 1, c);
    }

    UUID loanId(int c) {
        return id(seed * 31 + 2, c);
    }

    UUID eventId(long i) {
        return id(seed * 31 + 3, i);
    }

    Kind kind(long i) {
        long h = mix(seed * 31 + 4 + i * 0x9E3779B97F4A7C15L);
        long r = Math.floorMod(h, 1000);
        if (r < 2) {
            return Kind.MISSED;
        }
        return r < 22 ? Kind.LATE : Kind.PAID;
    }

    /** The Kafka value of event {@code i}; its key is {@code customerId(customerOf(i))}. */
    String value(long i) {
        int c = customerOf(i);
        int m = monthOf(i);
        LocalDate due = FIRST_DUE.plusMonths(m);
        UUID customer = customerId(c);
        UUID loan = loanId(c);
        String outstanding = (100_000 - m * 400) + ".00";
        return switch (kind(i)) {
            case PAID -> repayment(eventId(i), customer, loan, due, due, 0, true, outstanding);
            case LATE -> missed(eventId(i), customer, loan, m + 1, due, 5, outstanding);
            case MISSED -> missed(eventId(i), customer, loan, m + 1, due, 31, outstanding);
        };
    }

    static String repayment(UUID eventId, UUID customer, UUID loan, LocalDate paidOn, LocalDate due, int dpd, boolean onTime,
            String outstanding) {
        return envelope(eventId, "REPAYMENT_RECEIVED", customer, paidOn,
                "{\"loanId\":\"" + loan + "\",\"paidOn\":\"" + paidOn + "\",\"dueDate\":\"" + due
                        + "\",\"amountDue\":850.00,\"amountPaid\":850.00,\"daysPastDue\":" + dpd + ",\"onTime\":" + onTime
                        + ",\"outstanding\":" + outstanding + ",\"creditLimit\":null,\"interestPaid\":410.00}");
    }

    static String missed(UUID eventId, UUID customer, UUID loan, int installment, LocalDate due, int dpd, String outstanding) {
        return envelope(eventId, "PAYMENT_MISSED", customer, due.plusDays(dpd),
                "{\"loanId\":\"" + loan + "\",\"installmentNumber\":" + installment + ",\"dueDate\":\"" + due
                        + "\",\"amountDue\":850.00,\"daysPastDue\":" + dpd + ",\"consecutiveMissed\":1,\"outstanding\":" + outstanding + "}");
    }

    static String loanOpened(UUID eventId, UUID customer, UUID loan, LocalDate start) {
        return envelope(eventId, "LOAN_OPENED", customer, start,
                "{\"loanId\":\"" + loan + "\",\"principal\":20000.00,\"annualRate\":0.06,\"termMonths\":36,\"startDate\":\"" + start
                        + "\",\"installmentAmount\":608.44}");
    }

    private static String envelope(UUID eventId, String type, UUID customer, LocalDate day, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"source\":\"bench-core-banking\",\"occurredAt\":\""
                + Instant.ofEpochSecond(day.toEpochDay() * 86_400 + 36_000) + "\",\"schemaVersion\":1,\"customerId\":\"" + customer
                + "\",\"data\":" + data + "}";
    }

    /** A version-4-shaped UUID from two numbers, stable across runs. */
    static UUID id(long space, long n) {
        long hi = mix(space * 0x632BE59BD9B4E019L + n);
        long lo = mix(hi ^ (n * 0x9E3779B97F4A7C15L) ^ space);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
