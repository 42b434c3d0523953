package com.lendkeep.loan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.loan.service.modification.FeeWaiver;
import com.lendkeep.loan.service.modification.LoanModifier;
import com.lendkeep.loan.service.modification.PaymentExtension;
import com.lendkeep.loan.service.modification.PaymentHoliday;
import com.lendkeep.loan.service.modification.Restructuring;

/** The reproductions of issue 16, point 2: a modification never makes earned interest or fees vanish unrecorded. */
class ModificationConservationTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 15);

    static ModificationCommand command(ModificationKind kind, Integer extensionMonths, BigDecimal newRate, Integer newTerm,
            Integer holidayMonths, BigDecimal feeWaived) {
        return new ModificationCommand(kind, kind.name(), extensionMonths, newRate, newTerm, null, null, holidayMonths, feeWaived);
    }

    private static BigDecimal payoff(Loan loan, LocalDate on) {
        return Payoff.quote(loan.installments, loan.startDate, on).payoffAmount();
    }

    @Test
    void aPaymentExtensionKeepsTheArrearsInterestOwed() {
        // 300,000 at 9 % over 36 months; installments 1-3 missed, late fee 25.00 each; business date 2026-05-03
        Loan loan = InMemoryLoans.annuity("300000.00", "0.09", 36, START);
        LocalDate today = LocalDate.of(2026, 5, 3);
        InMemoryLoans.closeOfBusiness(loan, today, new BigDecimal("25.00"));
        BigDecimal before = payoff(loan, today);
        // 300,000 - principal of 1-3 is still owed; the interest of 1-3 (2,250.00 + ...) is due; fees 75.00; 18 days of
        // installment 4's period accrued. Before the fix the extension moved 1-3 out of "due" and their interest vanished.
        LoanModifier.Outcome outcome = new PaymentExtension().apply(loan, command(ModificationKind.PAYMENT_EXTENSION, 3, null, null,
                null, null), today);
        assertEquals(new BigDecimal("0.00"), outcome.concession());
        assertEquals(before, payoff(loan, today), "the payoff the same day is unchanged: arrears interest deferred, not dropped");

        // a prepayment afterwards lowers the interest still to pay; it must not start charging the interest-free deferral
        BigDecimal interestBefore = loan.outstandingInterest();
        RepaymentAllocation.Result paid = RepaymentAllocation.apply(loan, new BigDecimal("20000.00"), today);
        assertEquals(before.subtract(new BigDecimal("20000.00")), payoff(loan, today));
        BigDecimal interestAfter = loan.outstandingInterest().add(paid.interest());
        if (interestAfter.compareTo(interestBefore) >= 0) {
            throw new AssertionError("interest to pay went up from " + interestBefore + " to " + interestAfter + " after a prepayment");
        }
    }

    @Test
    void aRestructuringAfterAPaymentHolidayKeepsTheHolidayInterest() {
        // 6,000 at 12 % over 6 months, a 2-month holiday on the start date: installment 1 now pays 3 months of interest,
        // 6,000 x 1 % x 3 = 180.00 (60.00 + the holiday's 120.00)
        Loan loan = InMemoryLoans.annuity("6000.00", "0.12", 6, START);
        BigDecimal interestBefore = loan.outstandingInterest();
        new PaymentHoliday().apply(loan, command(ModificationKind.PAYMENT_HOLIDAY, null, null, null, 2, null), START);
        assertEquals(new BigDecimal("180.00"), loan.installments.get(0).interestDue);
        assertEquals(interestBefore.add(new BigDecimal("120.00")), loan.outstandingInterest());
        // restructured at the same rate over the same 6 months: the holiday's 120.00 is still there
        new Restructuring(InMemoryLoans.TERMS).apply(loan, command(ModificationKind.RESTRUCTURING, null, new BigDecimal("0.12"), 6,
                null, null), START);
        assertEquals(interestBefore.add(new BigDecimal("120.00")), loan.outstandingInterest());
        assertEquals(new BigDecimal("6000.00"), loan.outstandingPrincipal());
    }

    @Test
    void aFeeWaiverIsAConcessionOfExactlyTheFeesWaived() {
        Loan loan = InMemoryLoans.annuity("12000.00", "0.06", 12, START);
        LocalDate today = START.plusMonths(2).plusDays(5);
        InMemoryLoans.closeOfBusiness(loan, today, new BigDecimal("30.00"));
        BigDecimal before = payoff(loan, today);
        LoanModifier.Outcome outcome = new FeeWaiver().apply(loan, command(ModificationKind.FEE_WAIVER, null, null, null, null,
                new BigDecimal("45.00")), today);
        // two missed installments, 30.00 each: 45.00 of the 60.00 waived
        assertEquals(new BigDecimal("45.00"), outcome.concession());
        assertEquals(before.subtract(new BigDecimal("45.00")), payoff(loan, today));
    }
}
