package com.lendkeep.platform.outbox;

import java.time.LocalDate;

/**
 * The loan book's business date, for a service that owns it (loan-service). When a bean of this
 * type exists, {@link Outbox} stamps every event with it, so consumers learn the system's date
 * from the events themselves.
 */
public interface BusinessDateSource {

    /** The business date the current transaction works on. */
    LocalDate businessDate();
}
