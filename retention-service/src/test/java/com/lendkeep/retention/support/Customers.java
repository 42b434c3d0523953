package com.lendkeep.retention.support;

import java.util.UUID;

import com.lendkeep.retention.domain.Cohort;
import com.lendkeep.retention.service.ControlGroup;

/** New customer ids whose cohort is known in advance (the assignment is deterministic). */
public final class Customers {
    private Customers() {
    }

    private static final ControlGroup GROUP = new ControlGroup(RetentionTestProfile.SHARE, "lendkeep-2026");

    public static UUID treatment() {
        return of(Cohort.TREATMENT);
    }

    public static UUID control() {
        return of(Cohort.CONTROL);
    }

    private static UUID of(Cohort cohort) {
        while (true) {
            UUID id = UUID.randomUUID();
            if (GROUP.cohortOf(id) == cohort) {
                return id;
            }
        }
    }
}
