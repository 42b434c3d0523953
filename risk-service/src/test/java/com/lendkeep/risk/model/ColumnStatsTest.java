package com.lendkeep.risk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** PSI against the training bins: 0 for the same population, past the drift threshold for a shifted one. */
class ColumnStatsTest {

    @Test
    void psiIsZeroForTheTrainingPopulationAndLargeForAShiftedOne() {
        Random random = new Random(1);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(new double[] {random.nextGaussian(), 0.0});
        }
        List<ColumnStats> stats = ColumnStats.of(List.of("x", "constant"), rows);
        double[] same = rows.stream().mapToDouble(r -> r[0]).toArray();
        assertEquals(0.0, stats.get(0).psi(same), 1e-12);
        double[] shifted = rows.stream().mapToDouble(r -> r[0] + 1.0).toArray();
        assertTrue(stats.get(0).psi(shifted) > 0.25, "a one-sigma shift is drift: " + stats.get(0).psi(shifted));
        assertTrue(stats.get(1).constant());
        assertTrue(!stats.get(0).constant());
        // hand check of the formula on two bins: expected 0.5/0.5, actual 0.9/0.1
        ColumnStats two = new ColumnStats("y", 0, 1, 0, 1, new double[] {0.5}, new double[] {0.5, 0.5});
        double expected = (0.9 - 0.5) * Math.log(0.9 / 0.5) + (0.1 - 0.5) * Math.log(0.1 / 0.5);
        assertEquals(expected, two.psi(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), 1e-12);
    }
}
