package com.lendkeep.retention.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.Cohort;

class ControlGroupTest {

    @Test
    void shareIsWithinToleranceOverTenThousandCustomersAndAssignmentIsStable() {
        ControlGroup group = new ControlGroup(0.10, "lendkeep-2026");
        Random random = new Random(42);
        int control = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            UUID customer = new UUID(random.nextLong(), random.nextLong());
            Cohort first = group.cohortOf(customer);
            assertEquals(first, group.cohortOf(customer), "stable for the same customer");
            assertEquals(first, new ControlGroup(0.10, "lendkeep-2026").cohortOf(customer), "stable across instances and restarts");
            if (first == Cohort.CONTROL) {
                control++;
            }
        }
        // binomial(10000, 0.1): sd = 30; 4 sd = 120
        assertTrue(Math.abs(control - 1000) <= 120, "control group size " + control + " of " + n);
    }

    @Test
    void zeroAndFullShares() {
        UUID customer = UUID.randomUUID();
        assertEquals(Cohort.TREATMENT, new ControlGroup(0.0, "s").cohortOf(customer));
        assertEquals(Cohort.CONTROL, new ControlGroup(1.0, "s").cohortOf(customer));
    }
}
