package com.lendkeep.retention.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class InterventionStatusTest {

    @Test
    void theLifecycle() {
        assertTrue(InterventionStatus.PROPOSED.canBecome(InterventionStatus.APPROVED));
        assertTrue(InterventionStatus.APPROVED.canBecome(InterventionStatus.OFFERED));
        assertTrue(InterventionStatus.APPROVED.canBecome(InterventionStatus.BLOCKED));
        assertTrue(InterventionStatus.BLOCKED.canBecome(InterventionStatus.OFFERED));
        assertTrue(InterventionStatus.OFFERED.canBecome(InterventionStatus.ACCEPTED));
        assertTrue(InterventionStatus.OFFERED.canBecome(InterventionStatus.EXPIRED));
        assertTrue(InterventionStatus.ACCEPTED.canBecome(InterventionStatus.APPLIED));
        assertTrue(InterventionStatus.ACCEPTED.canBecome(InterventionStatus.FAILED));
    }

    @Test
    void nothingSkipsAStepOrLeavesAnEnd() {
        assertFalse(InterventionStatus.PROPOSED.canBecome(InterventionStatus.OFFERED), "no offer without approval");
        assertFalse(InterventionStatus.APPROVED.canBecome(InterventionStatus.ACCEPTED), "no acceptance without an offer");
        assertFalse(InterventionStatus.EXPIRED.canBecome(InterventionStatus.ACCEPTED), "no accepting an expired offer");
        assertFalse(InterventionStatus.DECLINED.canBecome(InterventionStatus.APPLIED), "a declined one is never applied");
        assertFalse(InterventionStatus.FAILED.canBecome(InterventionStatus.APPLIED));
        assertFalse(InterventionStatus.APPLIED.canBecome(InterventionStatus.FAILED), "a rejection does not overwrite APPLIED");
        assertEquals(EnumSet.of(InterventionStatus.REJECTED, InterventionStatus.DECLINED, InterventionStatus.EXPIRED, InterventionStatus.WITHDRAWN,
                InterventionStatus.APPLIED, InterventionStatus.FAILED),
                EnumSet.copyOf(java.util.Arrays.stream(InterventionStatus.values()).filter(InterventionStatus::isFinal).toList()));
    }
}
