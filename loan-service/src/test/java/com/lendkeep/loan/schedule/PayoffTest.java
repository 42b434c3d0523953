package com.lendkeep.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.RepaymentMethod;

/** The payoff amount on the worked example of docs/loan-arithmetic.md (100,000 at 6 % over 12 months). */
class PayoffTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 1);

    private static List<Installment> schedule() {
        List<Installment> out = new ArrayList<>();
        for (ScheduleCalculator.Line line : ScheduleCalculator.schedule(new BigDecimal("100000.00"), new BigDecimal("0.06"),
                ScheduleCalculator.monthlyDueDates(START, 12), RepaymentMethod.ANNUITY)) {
            Installment i = new Installment();
            i.seq = line.seq();
            i.dueDate = line.dueDate();
            i.principalDue = line.principal();
            i.interestDue = line.interest();
            i.status = InstallmentStatus.PENDING;
            out.add(i);
        }
        return out;
    }

    private static void pay(Installment i) {
        i.principalPaid = i.principalDue;
        i.interestPaid = i.interestDue;
        i.status = InstallmentStatus.PAID;
    }

    @Test
    void midPeriodPayoffOwesTheInterestAccruedSinceTheLastDueDate() {
        List<Installment> schedule = schedule();
        schedule.subList(0, 7).forEach(PayoffTest::pay);
        // 2027-06-15: principal 42,395.20 + 14/30 of installment 8's interest 211.98 = 98.92 (computed independently)
        Payoff.Quote quote = Payoff.quote(schedule, START, LocalDate.of(2027, 6, 15));
        assertEquals(new BigDecimal("42395.20"), quote.principal());
        assertEquals(new BigDecimal("98.92"), quote.accruedInterest());
        assertEquals(new BigDecimal("42494.12"), quote.payoffAmount());
        assertEquals(quote.payoffAmount(), quote.maxAccepted(), "several installments left: nothing above the payoff");
    }

    @Test
    void onTheStartDateThePayoffIsThePrincipal() {
        Payoff.Quote quote = Payoff.quote(schedule(), START, START);
        assertEquals(new BigDecimal("100000.00"), quote.payoffAmount());
    }

    @Test
    void theLastInstallmentAheadOfTimeOwesOnlyTheInterestEarnedSoFar() {
        List<Installment> schedule = schedule();
        schedule.subList(0, 11).forEach(PayoffTest::pay);
        // 2027-10-11: 10/30 of 42.82 = 14.27 accrued; the rest of the installment's interest (28.55) is not earned,
        // so the whole installment 8,606.69 is no longer what settles the loan (the excess becomes a credit balance)
        Payoff.Quote quote = Payoff.quote(schedule, START, LocalDate.of(2027, 10, 11));
        assertEquals(new BigDecimal("8578.14"), quote.payoffAmount());
        assertEquals(quote.payoffAmount(), quote.maxAccepted());
    }

    @Test
    void overdueInterestIsOwedInFull() {
        List<Installment> schedule = schedule();
        schedule.get(0).status = InstallmentStatus.OVERDUE;
        // 2026-12-10: installment 1 (500.00 interest) is due, and 9/30 of installment 2's 459.47 = 137.84 accrued
        Payoff.Quote quote = Payoff.quote(schedule, START, LocalDate.of(2026, 12, 10));
        assertEquals(new BigDecimal("500.00"), quote.interestDue());
        assertEquals(new BigDecimal("137.84"), quote.accruedInterest());
        assertEquals(new BigDecimal("100637.84"), quote.payoffAmount());
    }
}
