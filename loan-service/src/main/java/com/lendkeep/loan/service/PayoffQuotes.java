package com.lendkeep.loan.service;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;

/**
 * A payoff quote asked by a person is a signal of intent to leave (risk-service counts them), so
 * it is published as PAYOFF_QUOTED, through the outbox, in the quote's transaction. A user asking
 * again for the same loan on the same business date (a page refresh, another value date) is one
 * inquiry: it publishes nothing more. The arithmetic of the quote is {@link RepaymentService#quote}.
 */
@ApplicationScoped
@Transactional
public class PayoffQuotes {

    private final RepaymentService repayments;
    private final LoanService loans;
    private final BusinessCalendar calendar;
    private final Outbox outbox;
    private final EntityManager em;

    public PayoffQuotes(RepaymentService repayments, LoanService loans, BusinessCalendar calendar, Outbox outbox, EntityManager em) {
        this.repayments = repayments;
        this.loans = loans;
        this.calendar = calendar;
        this.outbox = outbox;
        this.em = em;
    }

    /** The quote on {@code on} (null: the business date), asked by {@code user}. */
    public Payoff.Quote quote(UUID loanId, LocalDate on, String user) {
        Payoff.Quote quote = repayments.quote(loanId, on);
        Loan loan = loans.get(loanId);
        if (firstToday(loanId, user, calendar.today())) {
            outbox.publish(EventType.PAYOFF_QUOTED, loan.customerId, new Payloads.PayoffQuoted(loanId, quote.on(),
                    quote.payoffAmount(), quote.principal(), user));
        }
        return quote;
    }

    /** Records the inquiry; false if this user already asked for this loan on this business date. */
    private boolean firstToday(UUID loanId, String user, LocalDate businessDate) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO payoff_quote_published (loan_id, requested_by, business_date) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                st.setObject(1, loanId);
                st.setString(2, user);
                st.setDate(3, Date.valueOf(businessDate));
                return st.executeUpdate() == 1;
            }
        });
    }
}
