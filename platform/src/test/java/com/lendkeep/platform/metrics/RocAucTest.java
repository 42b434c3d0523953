package com.lendkeep.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void perfectRandomAndTiedRankings() {
        assertEquals(1.0, RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}), 1e-12);
        assertEquals(0.0, RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true}), 1e-12);
        assertEquals(0.5, RocAuc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {false, true, false, true}), 1e-12);
        // hand count: pairs (pos, neg) = (0.4: 0.1 win, 0.4 tie, 0.6 loss) (0.8: win, win, win) -> (1 + 0.5 + 0 + 3) / 6
        assertEquals(4.5 / 6, RocAuc.of(new double[] {0.1, 0.4, 0.6, 0.4, 0.8}, new boolean[] {false, false, false, true, true}), 1e-12);
    }
}
