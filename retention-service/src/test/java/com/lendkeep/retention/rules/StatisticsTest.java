package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The statistics against hand-worked examples from the literature. */
class StatisticsTest {

    @Test
    void newcombeHybridScoreIntervalMatchesNewcombe1998() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, table II example (b): 56/70 against 48/80,
        // difference 0.2000, method 10 (score interval, no continuity correction): 0.0524 to 0.3339.
        Statistics.Interval ci = Statistics.newcombe(56, 70, 48, 80, Statistics.Z_95);
        assertEquals(0.0524, ci.lower(), 0.00005);
        assertEquals(0.3339, ci.upper(), 0.00005);
        // example (e) of the same table, 9/10 against 3/10: 0.1705 to 0.8090
        Statistics.Interval e = Statistics.newcombe(9, 10, 3, 10, Statistics.Z_95);
        assertEquals(0.1705, e.lower(), 0.00005);
        assertEquals(0.8090, e.upper(), 0.00005);
    }

    @Test
    void wilsonIntervalMatchesNewcombe1998() {
        // Newcombe (1998), Statistics in Medicine 17:857-872 (single proportion), table I: 81/263 -> 0.2553 to 0.3662
        Statistics.Interval w = Statistics.wilson(81, 263, Statistics.Z_95);
        assertEquals(0.2553, w.lower(), 0.00005);
        assertEquals(0.3662, w.upper(), 0.00005);
    }

    @Test
    void twoProportionZTest() {
        // 56/70 against 48/80: pooled p = 104/150 = 0.69333; se = sqrt(0.69333 x 0.30667 x (1/70 + 1/80)) = 0.075467;
        // z = 0.2 / 0.075467 = 2.6502; two-sided p = 2 x (1 - Phi(2.6502)) = 0.00805 (tables: Phi(2.65) = 0.99598)
        assertEquals(0.00805, Statistics.twoProportionPValue(56, 70, 48, 80), 0.00002);
        assertEquals(1.0, Statistics.twoProportionPValue(5, 10, 5, 10), 1e-9);
        assertEquals(0.05, 2 * (1 - Statistics.normalCdf(1.959963984540054)), 1e-6);
    }

    @Test
    void customersNeededToDetectFivePoints() {
        // 50 % against 55 %, 5 % two-sided, 80 % power: the textbook 1,565 per group (Fleiss, no continuity correction):
        // mean 0.525; (1.95996 x sqrt(2 x 0.525 x 0.475) + 0.84162 x sqrt(0.25 + 0.2475))^2 / 0.05^2 = 1564.7
        assertEquals(1565, Statistics.perGroupToDetect(0.50, 0.05));
        // a base near 1 looks for a drop (0.95 against 0.90) instead of an impossible rise past 1:
        // mean 0.925; (1.95996 x sqrt(2 x 0.925 x 0.075) + 0.84162 x sqrt(0.0475 + 0.09))^2 / 0.0025 = 434.4
        assertEquals(435, Statistics.perGroupToDetect(0.95, 0.05));
    }
}
