package com.lendkeep.loan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.schedule.Payoff;

/**
 * Point 1 of issue 16: a payoff and a prepayment on any date charge interest only up to that date.
 * Every expected figure is computed by hand in the comment (30E/360: annualRate / 360 a day).
 */
class InterestToTheValueDateTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    private static BigDecimal payoff(Loan loan, LocalDate on) {
        return Payoff.quote(loan.installments, loan.startDate, on).payoffAmount();
    }

    @Test
    void tenThousandPaidOnTheDayOfDisbursementTakesNoInterestAndASameDayPayoffOwesNone() {
        // 100,000 at 11 % over 12 months: installment 1's interest is 100,000 x 0.11 / 12 = 916.67 (the figure)
        Loan loan = InMemoryLoans.annuity("100000.00", "0.11", 12, START);
        assertEquals(new BigDecimal("916.67"), loan.installments.get(0).interestDue);

        RepaymentAllocation.Result result = RepaymentAllocation.apply(loan, new BigDecimal("10000.00"), START);

        // no day has passed: no interest earned, all 10,000.00 repays principal
        assertEquals(new BigDecimal("0.00"), result.interest());
        assertEquals(new BigDecimal("10000.00"), result.prepaid());
        // installment 1 now earns on 90,000.00 for its whole month: 90,000 x 0.11 / 12 = 825.00
        assertEquals(new BigDecimal("825.00"), loan.installments.get(0).interestDue);
        // a payoff the same day is the principal left, 90,000.00, with no interest
        assertEquals(new BigDecimal("90000.00"), payoff(loan, START));
        assertEquals(new BigDecimal("100000.00"), loan.installments.stream().map(i -> i.principalDue)
                .reduce(BigDecimal.ZERO, BigDecimal::add), "the schedule's principal still sums to the amount lent");
    }

    @Test
    void aMidPeriodPrepaymentPaysTheInterestEarnedToItsDateThenEarnsOnTheLowerBalance() {
        // the worked example of docs/loan-arithmetic.md: 100,000 at 6 %, 12 months, installment 1 interest 500.00
        Loan loan = InMemoryLoans.annuity("100000.00", "0.06", 12, START);
        LocalDate day15 = START.plusDays(15);
        // 15 days on 100,000.00: 100,000 x 0.06 / 360 x 15 = 250.00
        assertEquals(new BigDecimal("100250.00"), payoff(loan, day15));

        RepaymentAllocation.Result result = RepaymentAllocation.apply(loan, new BigDecimal("10000.00"), day15);

        assertEquals(new BigDecimal("250.00"), result.interest());
        assertEquals(new BigDecimal("9750.00"), result.prepaid());
        Installment first = loan.installments.get(0);
        // the other 15 days on 90,250.00: 90,250 x 0.06 / 360 x 15 = 225.625 -> 225.62 (half-even); 250.00 + 225.62
        assertEquals(new BigDecimal("475.62"), first.interestDue);
        assertEquals(new BigDecimal("90250.00"), payoff(loan, day15), "money paid lowers the payoff by exactly the amount");
        // 10 more days: 225.62 x 10 / 15 = 150.41 (linear on the rounded remaining interest; per diem 90,250 x 0.06 / 360 = 15.04)
        assertEquals(new BigDecimal("90400.41"), payoff(loan, START.plusDays(25)));
        // on the due date installment 1 asks 475.62 - 250.00 paid = 225.62 of interest
        assertEquals(new BigDecimal("225.62"), first.interestUnpaid());
    }

    @Test
    void anAdvancePaymentOfTheNextInstallmentNeverPaysItsUnearnedInterest() {
        Loan loan = InMemoryLoans.annuity("12000.00", "0.12", 12, START);
        LocalDate day20 = START.plusDays(20);
        BigDecimal installment = loan.installments.get(0).amountDue(); // 1,066.19; interest 120.00
        RepaymentAllocation.Result result = RepaymentAllocation.apply(loan, installment, day20);
        // 20 days on 12,000.00 at 1 % a month: 120.00 x 20 / 30 = 80.00, not the installment's 120.00
        assertEquals(new BigDecimal("80.00"), result.interest());
        assertEquals(installment.subtract(new BigDecimal("80.00")), result.prepaid());
        assertTrue(loan.installments.stream().allMatch(i -> i.status == InstallmentStatus.PENDING));
    }

    @Test
    void aPaymentAboveThePayoffClosesTheLoanAndKeepsTheRestAsCredit() {
        // 2,000 at 12 % over 2 months; on day 10: 2,000 x 0.01 x 10 / 30 = 6.67 earned
        Loan loan = InMemoryLoans.annuity("2000.00", "0.12", 2, START);
        LocalDate day10 = START.plusDays(10);
        assertEquals(new BigDecimal("2006.67"), payoff(loan, day10));
        RepaymentAllocation.Result result = RepaymentAllocation.apply(loan, new BigDecimal("2100.00"), day10);
        assertTrue(result.settled());
        assertEquals(new BigDecimal("6.67"), result.interest());
        assertEquals(new BigDecimal("93.33"), result.credit());
        assertEquals(new BigDecimal("93.33"), loan.creditBalance);
        assertTrue(loan.installments.stream().allMatch(i -> i.status == InstallmentStatus.PAID));
        assertEquals(new BigDecimal("0.00"), loan.outstandingInterest(), "interest not earned is not owed after the payoff");
    }
}
