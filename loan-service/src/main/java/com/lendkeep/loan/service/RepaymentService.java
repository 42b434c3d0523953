package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.api.RepaymentRequest;
import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.domain.Repayment;
import com.lendkeep.loan.repository.RepaymentRepository;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Repayments (docs/loan-arithmetic.md, section 5):
 * <ol>
 * <li>the money goes to installments in due-date order, oldest first, and the next installment not
 * yet due; within each, fees, then interest, then principal;</li>
 * <li>what is left is a prepayment of principal: the untouched installments are re-computed on the
 * lower balance, same due dates (lower installments, same term);</li>
 * <li>the payoff amount (unpaid principal and fees, interest due, interest accrued in the running
 * period) closes the loan: PREPAID before the last due date, REPAID otherwise;</li>
 * <li>more than the payoff amount is refused (422), except the last installment paid in full ahead
 * of time: refunds are not this service's business.</li>
 * </ol>
 * The loan row is locked first: close of business, modifications and other repayments of the
 * loan wait, and everything here is read after the lock.
 */
@ApplicationScoped
@Transactional
public class RepaymentService {

    public record Result(Repayment repayment, Loan loan) {
    }

    private final EntityManager em;
    private final RepaymentRepository repayments;
    private final BusinessCalendar calendar;
    private final LoanService loanService;
    private final DelinquencyService delinquency;
    private final Outbox outbox;
    private final int graceDays;

    public RepaymentService(EntityManager em, RepaymentRepository repayments, BusinessCalendar calendar, LoanService loanService,
            DelinquencyService delinquency, Outbox outbox, LoanConfig config) {
        this.em = em;
        this.repayments = repayments;
        this.calendar = calendar;
        this.loanService = loanService;
        this.delinquency = delinquency;
        this.outbox = outbox;
        this.graceDays = config.delinquency().graceDays();
    }

    public Result repay(UUID loanId, RepaymentRequest request, String recordedBy) {
        Loan loan = em.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        LocalDate today = calendar.today();
        LocalDate paidOn = request.paidOn() == null ? today : request.paidOn();
        LoanService.requireActive(loan);
        if (paidOn.isAfter(today)) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is after the business date " + today);
        }
        checkValueDate(loan, paidOn);
        BigDecimal amount = ScheduleCalculator.money(request.amount());
        Payoff.Quote quote = Payoff.quote(loan.installments, loan.startDate, paidOn);
        if (amount.compareTo(quote.maxAccepted()) > 0) {
            String most = quote.maxAccepted().compareTo(quote.payoffAmount()) > 0
                    ? " (or " + quote.maxAccepted() + ", the last installment in full)" : "";
            throw ApiException.unprocessable("amount " + amount + " exceeds the payoff amount " + quote.payoffAmount() + " on "
                    + paidOn + most + "; overpayments are not held as credit");
        }

        List<Installment> unpaid = new ArrayList<>(loan.unpaidInstallments());
        Installment oldest = unpaid.get(0);
        int daysLate = oldest.dueDate.isBefore(paidOn) ? (int) ChronoUnit.DAYS.between(oldest.dueDate, paidOn) : 0;
        BigDecimal dueNow = unpaid.stream().filter(i -> i.isDueBy(paidOn)).map(Installment::amountUnpaid)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (dueNow.signum() == 0) {
            dueNow = oldest.amountUnpaid();
        }

        Allocation allocation = amount.compareTo(quote.payoffAmount()) >= 0
                ? payOff(unpaid, amount, paidOn)
                : allocate(unpaid, amount, paidOn);
        BigDecimal toPrincipal = allocation.principal;
        if (allocation.left.signum() > 0) {
            toPrincipal = toPrincipal.add(allocation.left);
            prepay(loan, allocation.left, paidOn);
        }
        LoanService.settleEmptyInstallments(loan);

        Repayment repayment = new Repayment();
        repayment.id = UUID.randomUUID();
        repayment.loanId = loan.id;
        repayment.amount = amount;
        repayment.paidOn = paidOn;
        repayment.daysLate = daysLate;
        repayment.onTime = daysLate <= graceDays;
        repayment.toFees = allocation.fees;
        repayment.toInterest = allocation.interest;
        repayment.toPrincipal = toPrincipal;
        repayment.recordedBy = recordedBy;
        repayment.recordedAt = Instant.now();
        repayments.persist(repayment);

        outbox.publish(EventType.REPAYMENT_RECEIVED, loan.customerId, new Payloads.RepaymentReceived(loan.id, paidOn,
                oldest.dueDate, dueNow, amount, daysLate, repayment.onTime, loan.outstandingPrincipal(), null, allocation.interest));
        delinquency.reclassify(loan, today, DelinquencyHistory.Trigger.REPAYMENT);
        if (loan.unpaidInstallments().isEmpty()) {
            close(loan, LoanService.settledStatus(loan, paidOn), paidOn);
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

    /** What an allocation took, and what is left for a prepayment. */
    private static final class Allocation {
        BigDecimal fees = BigDecimal.ZERO.setScale(2);
        BigDecimal interest = BigDecimal.ZERO.setScale(2);
        BigDecimal principal = BigDecimal.ZERO.setScale(2);
        BigDecimal left;

        Allocation(BigDecimal amount) {
            this.left = amount;
        }

        void fee(Installment i) {
            BigDecimal x = left.min(i.feeUnpaid());
            i.feePaid = i.feePaid.add(x);
            fees = fees.add(x);
            left = left.subtract(x);
        }

        void interest(Installment i) {
            BigDecimal x = left.min(i.interestUnpaid());
            i.interestPaid = i.interestPaid.add(x);
            interest = interest.add(x);
            left = left.subtract(x);
        }

        void principal(Installment i) {
            BigDecimal x = left.min(i.principalUnpaid());
            i.principalPaid = i.principalPaid.add(x);
            principal = principal.add(x);
            left = left.subtract(x);
        }
    }

    /** Below the payoff amount: every due installment, oldest first, then the next one in advance. */
    private static Allocation allocate(List<Installment> unpaid, BigDecimal amount, LocalDate paidOn) {
        Allocation a = new Allocation(amount);
        boolean nextTaken = false;
        for (Installment i : unpaid) {
            if (!i.isDueBy(paidOn)) {
                if (nextTaken) {
                    break;
                }
                nextTaken = true;
            }
            a.fee(i);
            a.interest(i);
            a.principal(i);
            if (i.amountUnpaid().signum() == 0) {
                i.status = InstallmentStatus.PAID;
            }
            if (a.left.signum() == 0) {
                break;
            }
        }
        return a;
    }

    /**
     * The payoff amount or more: everything due, all principal and fees; what is left pays the
     * interest of the installments not yet due, oldest first, and the rest of their interest is
     * waived (not earned yet).
     */
    private static Allocation payOff(List<Installment> unpaid, BigDecimal amount, LocalDate paidOn) {
        Allocation a = new Allocation(amount);
        for (Installment i : unpaid) {
            a.fee(i);
            if (i.isDueBy(paidOn)) {
                a.interest(i);
            }
            a.principal(i);
        }
        for (Installment i : unpaid) {
            if (!i.isDueBy(paidOn)) {
                a.interest(i);
                i.interestDue = i.interestPaid;
            }
            i.status = InstallmentStatus.PAID;
        }
        return a;
    }

    /**
     * Lowers the untouched installments (see {@link Installment#isUntouched}) by {@code extra}
     * principal: same due dates, re-computed with the loan's method (a FLEXIBLE plan keeps its
     * shape, scaled down). The prepaid principal is recorded on the first of them.
     */
    private void prepay(Loan loan, BigDecimal extra, LocalDate paidOn) {
        List<Installment> untouched = loan.installments.stream().filter(i -> i.isUntouched(paidOn)).toList();
        BigDecimal base = untouched.stream().map(Installment::principalUnpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (untouched.isEmpty() || extra.compareTo(base) > 0) {
            throw ApiException.unprocessable("prepayment " + extra + " exceeds the principal of the installments not yet started "
                    + base + "; pay the payoff amount to close the loan");
        }
        BigDecimal newBalance = base.subtract(extra);
        List<LocalDate> dates = untouched.stream().map(i -> i.dueDate).toList();
        List<ScheduleCalculator.Line> lines = loan.method == RepaymentMethod.FLEXIBLE
                ? ScheduleCalculator.planned(newBalance, loan.annualRate, dates,
                        ScheduleCalculator.scalePlan(untouched.stream().map(i -> i.principalDue).toList(), newBalance))
                : ScheduleCalculator.schedule(newBalance, loan.annualRate, dates, loan.method);
        for (int k = 0; k < untouched.size(); k++) {
            untouched.get(k).principalDue = lines.get(k).principal();
            untouched.get(k).interestDue = lines.get(k).interest();
        }
        // recorded on the first untouched installment so that principal still sums to the amount lent
        Installment first = untouched.get(0);
        first.principalDue = first.principalDue.add(extra);
        first.principalPaid = first.principalPaid.add(extra);
        LoanService.settleEmptyInstallments(loan);
        loan.scheduleVersion++;
        loanService.recordVersion(loan, "partial prepayment of " + extra + " on " + paidOn);
    }

    void close(Loan loan, LoanStatus closure, LocalDate on) {
        loan.status = closure;
        loan.closedOn = on;
        outbox.publish(EventType.LOAN_CLOSED, loan.customerId, new Payloads.LoanClosed(loan.id, closure.name(), on,
                loan.outstandingPrincipal(), loan.outstandingInterest()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Repayment> history(UUID loanId) {
        loanService.get(loanId);
        return repayments.forLoan(loanId);
    }
}
