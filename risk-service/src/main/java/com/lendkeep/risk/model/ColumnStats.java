package com.lendkeep.risk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One input's distribution in a model's training data: what the model could learn from it (a
 * constant input teaches nothing), the mean its contributions are measured from, and ten bins for
 * the population stability index (PSI) of the customers scored today against it.
 *
 * @param edges  upper bounds of the bins (deciles of the training values, duplicates dropped); the last bin is open
 * @param shares share of the training rows in each bin (edges.length + 1 bins)
 */
public record ColumnStats(String name, double mean, double std, double min, double max, double[] edges, double[] shares) {

    /** An input that never varied in training: the model learned nothing from it. */
    public boolean constant() {
        return !(max > min) || std < 1e-12;
    }

    public static List<ColumnStats> of(List<String> names, List<double[]> rows) {
        List<ColumnStats> stats = new ArrayList<>(names.size());
        double[] column = new double[rows.size()];
        for (int j = 0; j < names.size(); j++) {
            double sum = 0;
            for (int i = 0; i < rows.size(); i++) {
                column[i] = rows.get(i)[j];
                sum += column[i];
            }
            double mean = sum / column.length;
            double squares = 0;
            for (double v : column) {
                squares += (v - mean) * (v - mean);
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            double[] edges = Arrays.stream(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9})
                    .mapToDouble(d -> sorted[Math.min(sorted.length - 1, d * sorted.length / 10)]).distinct().toArray();
            stats.add(new ColumnStats(names.get(j), mean, Math.sqrt(squares / column.length), sorted[0], sorted[sorted.length - 1],
                    edges, shares(edges, column)));
        }
        return stats;
    }

    /** Share of {@code values} in each bin of {@code edges} (a value equal to an edge falls in that edge's bin). */
    public static double[] shares(double[] edges, double[] values) {
        double[] counts = new double[edges.length + 1];
        for (double v : values) {
            int bin = Arrays.binarySearch(edges, v);
            counts[bin >= 0 ? bin : -bin - 1]++;
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] /= Math.max(1, values.length);
        }
        return counts;
    }

    /** PSI of {@code values} against the training shares: sum (actual - expected) x ln(actual / expected), shares floored at 0.0001. */
    public double psi(double[] values) {
        double[] actual = shares(edges, values);
        double psi = 0;
        for (int b = 0; b < shares.length; b++) {
            double e = Math.max(shares[b], 1e-4);
            double a = Math.max(actual[b], 1e-4);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
