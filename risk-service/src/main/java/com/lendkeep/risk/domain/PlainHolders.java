package com.lendkeep.risk.domain;

import org.hibernate.engine.spi.SelfDirtinessTracker;

/**
 * Entity objects that the event batch path fills as plain holders and writes in plain JDBC, never managed by a
 * Hibernate session: the score-history points ({@code ScoreHistoryRepository.insertAll}; the REST side reads them
 * as entities). Quarkus enhances entity classes, and every write of one of their fields, from any class, goes
 * through a setter that records the field's name as dirty in an array grown by one and scanned in full for each new
 * name. A holder needs no dirty tracking, so it is suspended; Hibernate-managed instances keep theirs. (The
 * customer's own state, {@code CustomerRisk} and its periods and scores, is plain classes: docs/risk-model.md
 * section 9.)
 */
public final class PlainHolders {

    private PlainHolders() {
    }

    /**
     * {@code entity} with nothing recorded (its field initialisers included) and its dirty tracking suspended; a no-op
     * where the class is not enhanced, as in plain unit tests.
     */
    public static <T> T untracked(T entity) {
        if (entity instanceof SelfDirtinessTracker tracker) {
            tracker.$$_hibernate_clearDirtyAttributes();
            tracker.$$_hibernate_suspendDirtyTracking(true);
        }
        return entity;
    }
}
