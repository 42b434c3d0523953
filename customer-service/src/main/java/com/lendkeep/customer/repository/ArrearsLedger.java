package com.lendkeep.customer.repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.lendkeep.customer.domain.rules.Arrears;

/** The arrears entries of each loan (table loan_arrears_entry), one per event. */
@ApplicationScoped
public class ArrearsLedger {

    private final EntityManager em;

    public ArrearsLedger(EntityManager em) {
        this.em = em;
    }

    public void add(UUID eventId, UUID loanId, Arrears.Entry entry) {
        em.flush(); // the loan row (a new one included) exists before its entry references it
        em.createNativeQuery("INSERT INTO loan_arrears_entry (event_id, loan_id, occurred_at, kind, on_date, amount, bucket) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, loanId).setParameter(3, Timestamp.from(entry.occurredAt()))
                .setParameter(4, entry.kind().name()).setParameter(5, entry.onDate()).setParameter(6, entry.amount())
                .setParameter(7, entry.bucket()).executeUpdate();
    }

    public List<Arrears.Entry> of(UUID loanId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT occurred_at, kind, on_date, amount, bucket FROM loan_arrears_entry "
                + "WHERE loan_id = ?1 ORDER BY occurred_at").setParameter(1, loanId).getResultList();
        return rows.stream().map(r -> new Arrears.Entry(instant(r[0]), Arrears.Kind.valueOf((String) r[1]), date(r[2]),
                (BigDecimal) r[3], (String) r[4])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
