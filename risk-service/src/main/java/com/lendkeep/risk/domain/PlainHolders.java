package com.lendkeep.risk.domain;

import org.hibernate.engine.spi.SelfDirtinessTracker;

/**
 * Entity objects that the event batch path uses as plain holders: read and written in plain JDBC
 * ({@code FeatureStore}), never managed by a Hibernate session. Quarkus enhances entity classes, and
 * every write of one of their fields, from any class, goes through a setter that records the field's
 * name as dirty in an array grown by one and scanned in full for each new name: filling a
 * {@code customer_risk} row of 41 columns cost about 5.7 us with that tracking and 1.2 us without
 * (measured on the packaged classes, docs/risk-model.md section 9). A holder needs no dirty tracking,
 * so it is suspended; Hibernate-managed instances (the REST side, alerts) keep theirs.
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
