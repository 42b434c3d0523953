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
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.Repayment;
import com.lendkeep.loan.repository.RepaymentRepository;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Repayments (docs/loan-arithmetic.md):
 * <ol>
 * <li>the money goes to installments in due-date order, oldest first, and the next installment not
 * yet due; within each, interest first, then principal;</li>
 * <li>what is left is a prepayment of principal: the remaining installments are re-computed on the
 * lower balance, same due dates (lower installments, same term);</li>
 * <li>a payment of the whole payoff amount (unpaid principal plus interest of installments due by
 * the value date) closes the loan: PREPAID before the last due date, REPAID otherwise;</li>
 * <li>more than the payoff amount is refused (422): refunds are not this service's business.</li>
 * </ol>
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
    private final Outbox outbox;

    public RepaymentService(EntityManager em, RepaymentRepository repayments, BusinessCalendar calendar, LoanService loanService,
            Outbox outbox) {
        this.em = em;
        this.repayments = repayments;
        this.calendar = calendar;
        this.loanService = loanService;
        this.outbox = outbox;
    }

    public Result repay(UUID loanId, RepaymentRequest request) {
        Loan loan = em.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        LocalDate today = calendar.today();
        LocalDate paidOn = request.paidOn() == null ? today : request.paidOn();
        LoanService.requireActive(loan, paidOn);
        if (paidOn.isAfter(today)) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is after the business date " + today);
        }
        if (paidOn.isBefore(loan.startDate)) {
            throw ApiException.badRequest("paidOn", "paidOn " + paidOn + " is before the loan started (" + loan.startDate + ")");
        }
        BigDecimal amount = ScheduleCalculator.money(request.amount());
        BigDecimal payoff = payoffAmount(loan, paidOn);
        if (amount.compareTo(payoff) > 0) {
            throw ApiException.unprocessable("amount " + amount + " exceeds the payoff amount " + payoff + " on " + paidOn);
        }

        List<Installment> unpaid = new ArrayList<>(loan.unpaidInstallments());
        Installment oldest = unpaid.get(0);
        int daysLate = oldest.dueDate.isBefore(paidOn) ? (int) ChronoUnit.DAYS.between(oldest.dueDate, paidOn) : 0;
        BigDecimal dueNow = unpaid.stream().filter(i -> !i.dueDate.isAfter(paidOn)).map(Installment::amountUnpaid)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (dueNow.signum() == 0) {
            dueNow = oldest.amountUnpaid();
        }

        Repayment repayment = new Repayment();
        repayment.id = UUID.randomUUID();
        repayment.loanId = loan.id;
        repayment.amount = amount;
        repayment.paidOn = paidOn;
        repayment.daysLate = daysLate;
        repayment.recordedAt = Instant.now();

        BigDecimal remaining = amount;
        BigDecimal toInterest = BigDecimal.ZERO;
        BigDecimal toPrincipal = BigDecimal.ZERO;
        boolean payoffInFull = amount.compareTo(payoff) == 0;
        boolean nextUpcomingTaken = false;
        for (Installment i : unpaid) {
            boolean due = !i.dueDate.isAfter(paidOn);
            if (!due && !payoffInFull) {
                if (nextUpcomingTaken) {
                    break;
                }
                nextUpcomingTaken = true;
            }
            if (!due && payoffInFull) {
                // not yet due when the loan is paid off: its interest has not accrued and is waived
                i.interestDue = i.interestPaid;
            }
            BigDecimal interest = remaining.min(i.interestUnpaid());
            i.interestPaid = i.interestPaid.add(interest);
            remaining = remaining.subtract(interest);
            BigDecimal principal = remaining.min(i.principalUnpaid());
            i.principalPaid = i.principalPaid.add(principal);
            remaining = remaining.subtract(principal);
            toInterest = toInterest.add(interest);
            toPrincipal = toPrincipal.add(principal);
            if (i.amountUnpaid().signum() == 0) {
                i.status = InstallmentStatus.PAID;
            }
            if (remaining.signum() == 0) {
                break;
            }
        }
        if (remaining.signum() > 0) {
            toPrincipal = toPrincipal.add(remaining);
            prepay(loan, remaining, paidOn);
        }
        repayment.toInterest = toInterest;
        repayment.toPrincipal = toPrincipal;
        repayments.persist(repayment);

        BigDecimal outstanding = loan.outstandingPrincipal();
        outbox.publish(EventType.REPAYMENT_RECEIVED, loan.customerId, new Payloads.RepaymentReceived(loan.id, paidOn,
                oldest.dueDate, dueNow, amount, daysLate, daysLate == 0, outstanding, null, toInterest));
        if (loan.unpaidInstallments().isEmpty()) {
            LocalDate lastDue = loan.installments.get(loan.installments.size() - 1).dueDate;
            close(loan, paidOn.isBefore(lastDue) ? LoanStatus.PREPAID : LoanStatus.REPAID, paidOn);
        }
        return new Result(repayment, loan);
    }

    /** Unpaid principal plus the unpaid interest of installments due on or before {@code on}. */
    public static BigDecimal payoffAmount(Loan loan, LocalDate on) {
        BigDecimal interest = loan.installments.stream().filter(i -> !i.dueDate.isAfter(on))
                .map(Installment::interestUnpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        return loan.outstandingPrincipal().add(interest);
    }

    /** Re-computes the installments not yet touched on the balance left after {@code extra} principal. */
    private void prepay(Loan loan, BigDecimal extra, LocalDate paidOn) {
        List<Installment> untouched = loan.installments.stream()
                .filter(i -> i.status != InstallmentStatus.PAID && i.principalPaid.signum() == 0 && i.interestPaid.signum() == 0
                        && i.dueDate.isAfter(paidOn))
                .toList();
        BigDecimal base = untouched.stream().map(Installment::principalUnpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (extra.compareTo(base) > 0) {
            throw ApiException.unprocessable("prepayment " + extra + " exceeds the principal of the remaining installments " + base);
        }
        BigDecimal newBalance = base.subtract(extra);
        List<LocalDate> dates = untouched.stream().map(i -> i.dueDate).toList();
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(newBalance, loan.annualRate, dates, loan.method);
        for (int k = 0; k < untouched.size(); k++) {
            Installment i = untouched.get(k);
            i.principalDue = lines.get(k).principal();
            i.interestDue = newBalance.signum() == 0 ? BigDecimal.ZERO.setScale(2) : lines.get(k).interest();
            // the prepaid principal is recorded on these installments so that principal still sums to the amount lent
        }
        Installment first = untouched.get(0);
        first.principalDue = first.principalDue.add(extra);
        first.principalPaid = first.principalPaid.add(extra);
        if (first.amountUnpaid().signum() == 0) {
            first.status = InstallmentStatus.PAID;
        }
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
