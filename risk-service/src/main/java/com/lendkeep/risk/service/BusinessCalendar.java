package com.lendkeep.risk.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.lendkeep.risk.domain.CustomerRisk;

/**
 * The loan book's business date as risk-service learned it from events (BUSINESS_DATE_CHANGED and
 * every envelope's {@code businessDate}). It only moves forward. It is the "today" of every window
 * and every decay; the wall clock is used only when no event has ever told a date, neither system-wide
 * nor for the customer.
 */
@ApplicationScoped
public class BusinessCalendar {

    private final EntityManager em;
    private volatile LocalDate known;
    private volatile boolean loaded;

    public BusinessCalendar(EntityManager em) {
        this.em = em;
    }

    /** The latest business date seen (by any instance, as of the last look), or null when none yet. Needs a transaction. */
    public LocalDate current() {
        if (!loaded) {
            refresh();
        }
        return known;
    }

    /** Reads the stored date again (another instance may have moved it). Needs a transaction. */
    public LocalDate refresh() {
        LocalDate stored = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT business_date FROM business_date WHERE id = 1");
                    ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getObject(1, LocalDate.class) : null;
            }
        });
        remember(stored);
        loaded = true;
        return known;
    }

    /** Moves the date forward to {@code seen} if it is later; never backwards. In the caller's transaction. */
    public void advance(LocalDate seen) {
        if (seen == null) {
            return;
        }
        LocalDate current = current();
        if (current != null && !seen.isAfter(current)) {
            return;
        }
        LocalDate stored = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO business_date (id, business_date) VALUES (1, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET business_date = GREATEST(business_date.business_date, EXCLUDED.business_date) "
                    + "RETURNING business_date")) {
                upsert.setObject(1, seen);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, LocalDate.class);
                }
            }
        });
        remember(stored);
    }

    /** The date a customer's windows and decay are judged on. */
    public LocalDate today(CustomerRisk risk) {
        LocalDate system = current();
        if (system != null) {
            return system;
        }
        return risk.asOf != null ? risk.asOf : LocalDate.now();
    }

    private synchronized void remember(LocalDate date) {
        if (date != null && (known == null || date.isAfter(known))) {
            known = date;
        }
    }
}
