package com.lendkeep.loan.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Days past due to delinquency bucket. Buckets are given by their first day, ascending: 1,31,61,91
 * means 1-30, 31-60, 61-90 and 91+. Below the first start the loan is current (null).
 */
public final class DelinquencyBuckets {

    private final List<Integer> starts;
    private final List<String> names;

    public DelinquencyBuckets(List<Integer> starts) {
        if (starts.isEmpty() || starts.get(0) < 1) {
            throw new IllegalArgumentException("delinquency buckets need at least one start, the first >= 1: " + starts);
        }
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i) <= starts.get(i - 1)) {
                throw new IllegalArgumentException("delinquency bucket starts must be ascending: " + starts);
            }
        }
        this.starts = List.copyOf(starts);
        List<String> n = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            n.add(i == starts.size() - 1 ? starts.get(i) + "+" : starts.get(i) + "-" + (starts.get(i + 1) - 1));
        }
        this.names = List.copyOf(n);
    }

    /** The bucket of {@code daysPastDue}, or null when the loan is current. */
    public String classify(int daysPastDue) {
        String bucket = null;
        for (int i = 0; i < starts.size(); i++) {
            if (daysPastDue >= starts.get(i)) {
                bucket = names.get(i);
            }
        }
        return bucket;
    }

    /** Every bucket, least delinquent first. */
    public List<String> names() {
        return names;
    }
}
