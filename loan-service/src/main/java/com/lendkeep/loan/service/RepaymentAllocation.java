package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.schedule.Accrual;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.loan.schedule.ScheduleCalculator;

/**
 * Where the money of one repayment goes (docs/loan-arithmetic.md, section 6), on the loan's
 * installments only (no database, no events), so that it can be checked over thousands of random
 * cases. RepaymentService records and publishes the result.
 */
public final class RepaymentAllocation {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * @param principal principal paid, the prepayment included
     * @param prepaid   principal paid ahead of the schedule (the schedule was re-computed)
     * @param credit    what was above the payoff amount (the loan closes; the caller keeps it as credit)
     */
    public record Result(BigDecimal fees, BigDecimal interest, BigDecimal principal, BigDecimal prepaid, BigDecimal credit,
            boolean settled) {
    }

    private RepaymentAllocation() {
    }

    /** Allocates {@code amount} received on {@code paidOn} to the (locked, ACTIVE) loan. */
    public static Result apply(Loan loan, BigDecimal amount, LocalDate paidOn) {
        Payoff.Quote quote = Payoff.quote(loan.installments, loan.startDate, paidOn);
        boolean settles = amount.compareTo(quote.payoffAmount()) >= 0;
        Allocation a = settles ? payOff(loan, amount, paidOn) : allocate(loan, amount, paidOn);
        BigDecimal prepaid = ZERO;
        BigDecimal credit = ZERO;
        if (settles) {
            // above the payoff amount: the customer's money, kept until refunded
            credit = a.left;
            loan.creditBalance = loan.creditBalance.add(credit);
        } else if (a.left.signum() > 0) {
            prepaid = a.left;
            prepay(loan, prepaid, paidOn);
        }
        LoanService.settleEmptyInstallments(loan);
        return new Result(a.fees, a.interest, a.principal.add(prepaid), prepaid, credit, settles);
    }

    /** What an allocation took, and what is left for a prepayment. */
    private static final class Allocation {
        BigDecimal fees = ZERO;
        BigDecimal interest = ZERO;
        BigDecimal principal = ZERO;
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

        /** At most {@code owed} of the installment's interest. */
        void interest(Installment i, BigDecimal owed) {
            BigDecimal x = left.min(owed).max(ZERO);
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

    /**
     * Below the payoff amount: every due installment, oldest first (fees, interest, principal); then
     * the fees and the interest earned to {@code paidOn} of those not yet due. What is left is a
     * prepayment of principal: interest not yet earned is never taken in advance.
     */
    private static Allocation allocate(Loan loan, BigDecimal amount, LocalDate paidOn) {
        Allocation a = new Allocation(amount);
        List<Installment> all = loan.installments;
        for (Installment i : all) {
            if (i.status != InstallmentStatus.PAID && i.isDueBy(paidOn)) {
                a.fee(i);
                a.interest(i, i.interestUnpaid());
                a.principal(i);
                if (i.amountUnpaid().signum() == 0) {
                    i.status = InstallmentStatus.PAID;
                }
            }
        }
        for (int k = 0; k < all.size(); k++) {
            Installment i = all.get(k);
            if (i.status != InstallmentStatus.PAID && !i.isDueBy(paidOn)) {
                a.fee(i);
                a.interest(i, Accrual.owedTo(all, k, loan.startDate, paidOn));
            }
        }
        return a;
    }

    /**
     * The payoff amount or more: everything due, all principal and fees, the interest earned to
     * {@code paidOn}; the rest of the interest of installments not yet due is not owed (not earned)
     * and is taken off them. Every installment is PAID; what is left is the caller's credit.
     */
    private static Allocation payOff(Loan loan, BigDecimal amount, LocalDate paidOn) {
        Allocation a = new Allocation(amount);
        List<Installment> all = loan.installments;
        for (int k = 0; k < all.size(); k++) {
            Installment i = all.get(k);
            if (i.status == InstallmentStatus.PAID) {
                continue;
            }
            a.fee(i);
            a.interest(i, Accrual.owedTo(all, k, loan.startDate, paidOn));
            a.principal(i);
        }
        for (Installment i : all) {
            if (i.status != InstallmentStatus.PAID) {
                i.interestDue = i.interestPaid;
                i.interestEarned = i.interestEarned.min(i.interestDue);
                i.status = InstallmentStatus.PAID;
            }
        }
        return a;
    }

    /**
     * A prepayment of {@code extra} principal on {@code paidOn}: the installments not yet due are
     * re-computed on the lower balance with the loan's method, same due dates (a FLEXIBLE plan keeps
     * its shape, scaled down); the running one keeps the interest it earned to {@code paidOn} and
     * earns on the lower balance after it ({@link Repricing}). The prepaid principal is recorded on
     * the first of them, so that the principal of the schedule still sums to the amount lent.
     */
    private static void prepay(Loan loan, BigDecimal extra, LocalDate paidOn) {
        List<Installment> future = loan.installments.stream()
                .filter(i -> i.status != InstallmentStatus.PAID && !i.isDueBy(paidOn)).toList();
        BigDecimal base = Repricing.principalOf(future);
        if (future.isEmpty() || extra.compareTo(base) >= 0) {
            throw new IllegalStateException("prepayment " + extra + " below the payoff amount exceeds the principal not yet due " + base);
        }
        List<BigDecimal> earned = Repricing.earnedBefore(loan, future, paidOn);
        BigDecimal newBalance = base.subtract(extra);
        List<LocalDate> dates = future.stream().map(i -> i.dueDate).toList();
        List<ScheduleCalculator.Line> lines = loan.method == RepaymentMethod.FLEXIBLE
                ? ScheduleCalculator.planned(newBalance, loan.annualRate, dates,
                        ScheduleCalculator.scalePlan(future.stream().map(Installment::principalUnpaid).toList(), newBalance))
                : ScheduleCalculator.schedule(newBalance, loan.annualRate, dates, loan.method);
        Repricing.apply(loan, future, earned, lines, paidOn);
        Installment first = future.get(0);
        first.principalDue = first.principalDue.add(extra);
        first.principalPaid = first.principalPaid.add(extra);
    }
}
