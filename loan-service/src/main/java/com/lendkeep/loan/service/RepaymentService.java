package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.RepaymentRequest;
import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.Repayment;
import com.lendkeep.loan.mapping.InstallmentStates;
import com.lendkeep.loan.repository.RepaymentRepository;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Repayments (docs/loan-arithmetic.md, section 6):
 * <ol>
 * <li>the money goes to the installments due by the value date, oldest first (fees, interest,
 * principal), then to the fees and the interest earned by day to the value date of those not yet
 * due: interest not yet earned is never taken;</li>
 * <li>what is left below the payoff amount is a prepayment of principal: the installments not yet
 * due are re-computed on the lower balance, same due dates (lower installments, same term);</li>
 * <li>the payoff amount closes the loan: PREPAID before the last due date, REPAID otherwise; what a
 * payment brings above it is kept as the loan's credit balance (refunded through the API), never
 * refused.</li>
 * </ol>
 * The loan row is locked first: close of business, modifications and other repayments of the
 * loan wait, and everything here is read after the lock. A loan a running close of business has
 * not reached yet has its day closed here ({@link CloseOfBusinessCatchUp}): before the payment if
 * it is dated the new business date, after it if back-valued before.
 */
@ApplicationScoped
@Transactional
public class RepaymentService {

    public record Result(Repayment repayment, Loan loan) {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final EntityManager em;
    private final RepaymentRepository repayments;
    private final BusinessCalendar calendar;
    private final LoanService loanService;
    private final DelinquencyService delinquency;
    private final Outbox outbox;
    private final int graceDays;
    private final ObjectMapper mapper;
    private final CloseOfBusinessCatchUp catchUp;

    public RepaymentService(EntityManager em, RepaymentRepository repayments, BusinessCalendar calendar, LoanService loanService,
            DelinquencyService delinquency, Outbox outbox, LoanConfig config, ObjectMapper mapper, CloseOfBusinessCatchUp catchUp) {
        this.em = em;
        this.catchUp = catchUp;
        this.repayments = repayments;
        this.calendar = calendar;
        this.loanService = loanService;
        this.delinquency = delinquency;
        this.outbox = outbox;
        this.graceDays = config.delinquency().graceDays();
        this.mapper = mapper;
    }

    public Result repay(UUID loanId, RepaymentRequest request, String recordedBy) {
        Optional<CloseOfBusinessCatchUp.Pending> dayToClose = catchUp.lock(loanId);
        LocalDate today = calendar.today();
        LocalDate paidOn = request.paidOn() == null ? today : request.paidOn();
        // a running close of business has not closed this loan's day yet: a payment of the new date comes after it
        boolean closedFirst = dayToClose.isPresent() && !paidOn.isBefore(dayToClose.get().date());
        if (closedFirst) {
            catchUp.close(loanId, dayToClose.get());
        }
        Loan loan = catchUp.loaded(loanId, closedFirst);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        LoanService.requireActive(loan);
        if (paidOn.isAfter(today)) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is after the business date " + today);
        }
        checkValueDate(loan, paidOn);
        BigDecimal amount = ScheduleCalculator.money(request.amount());
        String stateBefore = InstallmentStates.write(mapper, loan);
        List<Installment> unpaid = new ArrayList<>(loan.unpaidInstallments());
        Installment oldest = unpaid.get(0);
        int daysLate = oldest.dueDate.isBefore(paidOn) ? (int) ChronoUnit.DAYS.between(oldest.dueDate, paidOn) : 0;
        BigDecimal dueNow = unpaid.stream().filter(i -> i.isDueBy(paidOn)).map(Installment::amountUnpaid)
                .reduce(ZERO, BigDecimal::add);
        if (dueNow.signum() == 0) {
            dueNow = oldest.amountUnpaid();
        }

        RepaymentAllocation.Result allocation = RepaymentAllocation.apply(loan, amount, paidOn);
        if (allocation.prepaid().signum() > 0) {
            recordPrepayment(loan, allocation.prepaid(), paidOn);
        }

        Repayment repayment = new Repayment();
        repayment.id = UUID.randomUUID();
        repayment.loanId = loan.id;
        repayment.amount = amount;
        repayment.paidOn = paidOn;
        repayment.daysLate = daysLate;
        repayment.onTime = daysLate <= graceDays;
        repayment.toFees = allocation.fees();
        repayment.toInterest = allocation.interest();
        repayment.toPrincipal = allocation.principal();
        repayment.toCredit = allocation.credit();
        repayment.stateBefore = stateBefore;
        repayment.recordedBy = recordedBy;
        repayment.recordedAt = Instant.now();
        repayments.persist(repayment);

        outbox.publish(EventType.REPAYMENT_RECEIVED, loan.customerId, new Payloads.RepaymentReceived(loan.id, paidOn,
                oldest.dueDate, dueNow, amount, daysLate, repayment.onTime, loan.outstandingPrincipal(), null, allocation.interest(), allocation.prepaid(),
                loan.outstandingFees()));
        delinquency.reclassify(loan, today, DelinquencyHistory.Trigger.REPAYMENT);
        if (loan.unpaidInstallments().isEmpty()) {
            close(loan, LoanService.settledStatus(loan, paidOn), paidOn);
        } else if (dayToClose.isPresent() && !closedFirst) {
            // back-valued before the running close's date: the payment came first, the day's close (what is still missed) after it
            catchUp.close(loanId, dayToClose.get());
            em.refresh(loan);
        }
        return new Result(repayment, loan);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Payoff.Quote quote(UUID loanId, LocalDate on) {
        Loan loan = loanService.get(loanId);
        LocalDate date = on == null ? calendar.today() : on;
        LoanService.requireActive(loan);
        if (date.isBefore(loan.startDate)) {
            throw ApiException.badRequest("on", on + " is before the loan started (" + loan.startDate + ")");
        }
        return Payoff.quote(loan.installments, loan.startDate, date);
    }

    /**
     * A value date cannot go back before anything already decided on the loan: its start, an
     * earlier repayment, a modification, or the day an installment was reported missed (its due
     * date plus the grace days; an earlier date would call the payment on time after the missed
     * payment was published).
     */
    private void checkValueDate(Loan loan, LocalDate paidOn) {
        if (paidOn.isBefore(loan.startDate)) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is before the loan started (" + loan.startDate + ")");
        }
        for (Installment i : loan.installments) {
            LocalDate missedOn = i.dueDate.plusDays(graceDays + 1L);
            if (i.status == InstallmentStatus.OVERDUE && paidOn.isBefore(missedOn)) {
                throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is before " + missedOn + ", when installment " + i.seq
                        + " (due " + i.dueDate + ") was already reported missed");
            }
        }
        RepaymentRepository.LatestDates latest = repayments.latestDates(loan.id);
        if (latest.lastPaidOn() != null && paidOn.isBefore(latest.lastPaidOn())) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is before the loan's latest repayment, dated " + latest.lastPaidOn());
        }
        if (latest.lastModifiedOn() != null && paidOn.isBefore(latest.lastModifiedOn())) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is before the loan's schedule was modified, on "
                    + latest.lastModifiedOn());
        }
    }

    /** Versions the schedule a prepayment changed and says so in LOAN_MODIFIED (every schedule change does). */
    private void recordPrepayment(Loan loan, BigDecimal extra, LocalDate paidOn) {
        loan.scheduleVersion++;
        String description = "partial prepayment of " + extra + " on " + paidOn;
        loanService.recordVersion(loan, description);
        outbox.publish(EventType.LOAN_MODIFIED, loan.customerId, new Payloads.LoanModified(loan.id, "PARTIAL_PREPAYMENT", null,
                loan.scheduleVersion, description + ": installments not yet due re-computed on the lower balance",
                loan.forbearanceUntil, loan.unpaidInstallments().stream().map(i -> i.dueDate).toList(), loan.annualRate, ZERO,
                loan.outstandingFees()));
    }

    void close(Loan loan, LoanStatus closure, LocalDate on) {
        loan.status = closure;
        loan.closedOn = on;
        outbox.publish(EventType.LOAN_CLOSED, loan.customerId, new Payloads.LoanClosed(loan.id, closure.name(), on,
                loan.outstandingPrincipal(), loan.outstandingInterest(), loan.outstandingFees()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Repayment> history(UUID loanId) {
        loanService.get(loanId);
        return repayments.forLoan(loanId);
    }
}
