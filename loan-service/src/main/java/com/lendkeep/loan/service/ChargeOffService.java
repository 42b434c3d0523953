package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Charge-off: the loan is closed CHARGED_OFF and what is written off is reported in LOAN_CLOSED: all
 * unpaid principal, the unpaid interest of installments due by the charge-off date plus interest
 * carried as earned on later ones (deferred arrears), and all unpaid fees. Interest accrues no more:
 * the interest of installments not yet due is cut to what was earned and carried, so the loan shows
 * the same amounts as the event. Set-based, so close of business charges off any number of loans in
 * three statements.
 */
@ApplicationScoped
@Transactional
public class ChargeOffService {

    public record ChargedOff(UUID loanId, UUID customerId, BigDecimal principal, BigDecimal interest, BigDecimal fees) {
    }

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Outbox outbox;
    private final CloseOfBusinessCatchUp catchUp;

    public ChargeOffService(EntityManager em, BusinessCalendar calendar, Outbox outbox, CloseOfBusinessCatchUp catchUp) {
        this.em = em;
        this.catchUp = catchUp;
        this.calendar = calendar;
        this.outbox = outbox;
    }

    /** Operator action on one loan, whatever its days past due (after the day's close, if a running one has not reached it). */
    public Loan chargeOff(UUID loanId, String reason, String user) {
        Loan loan = catchUp.lockClosed(loanId);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        LoanService.requireActive(loan);
        em.flush();
        chargeOff(List.of(loanId), calendar.today(), reason, user);
        em.refresh(loan);
        org.hibernate.Hibernate.initialize(loan.installments);
        return loan;
    }

    /** Charges off {@code loanIds} (locked, ACTIVE) on {@code on} and emits LOAN_CLOSED for each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ChargedOff> chargeOff(List<UUID> loanIds, LocalDate on, String reason, String by) {
        if (loanIds.isEmpty()) {
            return List.of();
        }
        List<ChargedOff> done = em.unwrap(Session.class).doReturningWork(c -> {
            Array ids = c.createArrayOf("uuid", loanIds.toArray());
            List<ChargedOff> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT l.id, l.customer_id,
                           coalesce(sum(i.principal_due - i.principal_paid), 0),
                           coalesce(sum(CASE WHEN i.due_date <= ? THEN i.interest_due - i.interest_paid
                                             ELSE greatest(i.interest_earned - i.interest_paid, 0) END), 0),
                           coalesce(sum(i.fee_due - i.fee_paid), 0)
                    FROM loan l LEFT JOIN installment i ON i.loan_id = l.id AND i.status <> 'PAID'
                    WHERE l.id = ANY (?) AND l.status = 'ACTIVE'
                    GROUP BY l.id, l.customer_id ORDER BY l.id""")) {
                st.setDate(1, Date.valueOf(on));
                st.setArray(2, ids);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ChargedOff(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getBigDecimal(5)));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE installment i SET interest_due = greatest(i.interest_paid, i.interest_earned),
                                             interest_earned = least(i.interest_earned, greatest(i.interest_paid, i.interest_earned)),
                                             version = i.version + 1
                    FROM loan l
                    WHERE i.loan_id = l.id AND l.id = ANY (?) AND i.loan_id = ANY (?) AND l.status = 'ACTIVE' AND i.status <> 'PAID'
                      AND i.due_date > ?""")) {
                // interest not yet earned is never owed, so a written-off loan does not show it either; both sides of the join
                // bounded by the ids (close of business charges off within a chunk: never a scan of the book)
                st.setArray(1, ids);
                st.setArray(2, ids);
                st.setDate(3, Date.valueOf(on));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE loan SET status = ?, closed_on = ?, closure_reason = ?, "
                    + "closed_by = ?, version = version + 1 WHERE id = ANY (?) AND status = 'ACTIVE'")) {
                st.setString(1, LoanStatus.CHARGED_OFF.name());
                st.setDate(2, Date.valueOf(on));
                st.setString(3, reason);
                st.setString(4, by);
                st.setArray(5, ids);
                st.executeUpdate();
            }
            return rows;
        });
        for (ChargedOff c : done) {
            outbox.publish(EventType.LOAN_CLOSED, c.customerId(), new Payloads.LoanClosed(c.loanId(), LoanStatus.CHARGED_OFF.name(), on,
                    c.principal().setScale(2), c.interest().setScale(2), c.fees().setScale(2)));
        }
        return done;
    }
}
