package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lendkeep.loan.domain.BusinessDate;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.repository.InstallmentRepository;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Advances the business date. Every installment still unpaid after its due date (plus the grace
 * days) becomes OVERDUE and emits one PAYMENT_MISSED, in the same transaction as the date change.
 */
@ApplicationScoped
@Transactional
public class CloseOfBusiness {

    private final BusinessCalendar calendar;
    private final InstallmentRepository installments;
    private final Outbox outbox;
    private final int graceDays;

    public CloseOfBusiness(BusinessCalendar calendar, InstallmentRepository installments, Outbox outbox,
            @ConfigProperty(name = "loan.delinquency.grace-days", defaultValue = "0") int graceDays) {
        this.calendar = calendar;
        this.installments = installments;
        this.outbox = outbox;
        this.graceDays = graceDays;
    }

    public record Outcome(LocalDate date, int missedPayments) {
    }

    public Outcome advanceTo(LocalDate date) {
        BusinessDate row = calendar.lock();
        if (date.isBefore(row.current)) {
            throw ApiException.badRequest("date", "the business date cannot go back: it is " + row.current + ", asked " + date);
        }
        if (date.isAfter(row.current.plusYears(5))) {
            throw ApiException.badRequest("date", "advance at most 5 years at a time (from " + row.current + ")");
        }
        calendar.set(row, date);
        List<Installment> missed = installments.newlyOverdue(date, graceDays);
        for (Installment i : missed) {
            i.status = InstallmentStatus.OVERDUE;
        }
        for (Installment i : missed) {
            long consecutive = i.loan.installments.stream()
                    .filter(x -> x.status == InstallmentStatus.OVERDUE && x.seq <= i.seq).count();
            BigDecimal outstanding = i.loan.outstandingPrincipal();
            outbox.publish(EventType.PAYMENT_MISSED, i.loan.customerId, new Payloads.PaymentMissed(i.loan.id, i.seq, i.dueDate,
                    i.amountUnpaid(), (int) ChronoUnit.DAYS.between(i.dueDate, date), (int) consecutive, outstanding));
        }
        return new Outcome(date, missed.size());
    }
}
