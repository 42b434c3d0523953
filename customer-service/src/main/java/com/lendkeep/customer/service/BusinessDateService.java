package com.lendkeep.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;

/**
 * The system's date is the loan book's business date, owned by loan-service: this service keeps the
 * latest one it has seen (BUSINESS_DATE_CHANGED, and the businessDate every loan-service event carries)
 * and judges every date by it. Until one is known, the wall clock (UTC) stands in.
 */
@ApplicationScoped
public class BusinessDateService {

    /** The date in force, and whether it came from the loan book. */
    public record Today(LocalDate date, boolean fromLoanBook) {

        /** How a message names it: "the business date 2027-03-11" or "today's date 2026-12-06 (...)". */
        public String describe() {
            return fromLoanBook ? "the business date " + date
                    : "today's date " + date + " (no business date received from loan-service yet; the wall clock (UTC) stands in)";
        }
    }

    private final EntityManager em;
    private final Clock clock;

    public BusinessDateService(EntityManager em) {
        this.em = em;
        this.clock = Clock.systemUTC();
    }

    /** The latest business date seen, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LocalDate> known() {
        @SuppressWarnings("unchecked")
        List<LocalDate> rows = em.createNativeQuery("SELECT current FROM business_date WHERE id = 1", LocalDate.class).getResultList();
        return rows.stream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Today today() {
        return known().map(d -> new Today(d, true)).orElseGet(() -> new Today(LocalDate.now(clock), false));
    }

    /**
     * Records a business date seen on an event; an older one (a late or replayed event) changes
     * nothing. Called first in a consumer's transaction, before any customer row is locked, so that
     * every transaction takes the two locks in the same order.
     *
     * @return true when the date moved forward
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean observe(LocalDate date) {
        // read first: an upsert locks the row even when it changes nothing, which would serialize every consumer
        if (date == null || known().filter(current -> !date.isAfter(current)).isPresent()) {
            return false;
        }
        int changed = em.createNativeQuery("INSERT INTO business_date (id, current, updated_at) VALUES (1, ?1, ?2) "
                + "ON CONFLICT (id) DO UPDATE SET current = EXCLUDED.current, updated_at = EXCLUDED.updated_at "
                + "WHERE business_date.current < EXCLUDED.current")
                .setParameter(1, date).setParameter(2, Instant.now()).executeUpdate();
        return changed > 0;
    }

    /** Refuses a date after the date in force: 400 naming the field and that date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireNotAfterToday(String field, LocalDate value) {
        if (value == null) {
            return;
        }
        Today today = today();
        if (value.isAfter(today.date())) {
            throw ApiException.badRequest(field, field + " " + value + " is after " + today.describe()
                    + "; a date may not be in the future of the loan book");
        }
    }
}
