package com.lendkeep.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.lendkeep.loan.domain.RepaymentMethod;

class ScheduleCalculatorTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 31);

    @Test
    void annuityMatchesTheTextbookFormula() {
        // A = P r / (1 - (1 + r)^-n) with P = 100,000, r = 0.06 / 12, n = 12 -> 8,606.64 (computed independently:
        // 100000 * 0.005 / (1 - 1.005^-12) = 8606.6429...)
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(new BigDecimal("100000.00"), new BigDecimal("0.06"),
                ScheduleCalculator.monthlyDueDates(START, 12), RepaymentMethod.ANNUITY);
        assertEquals(12, lines.size());
        assertEquals(new BigDecimal("500.00"), lines.get(0).interest(), "first month: 100,000 x 0.5 %");
        assertEquals(new BigDecimal("8106.64"), lines.get(0).principal());
        for (int i = 0; i < 11; i++) {
            assertEquals(new BigDecimal("8606.64"), lines.get(i).total(), "installment " + (i + 1));
        }
        assertEquals(new BigDecimal("100000.00"), sumPrincipal(lines));
        assertEquals(new BigDecimal("0.00"), lines.get(11).balanceAfter());
        // the last one absorbs rounding: within a few cents of the level payment
        assertTrue(lines.get(11).total().subtract(new BigDecimal("8606.64")).abs().compareTo(new BigDecimal("0.10")) <= 0,
                "last installment " + lines.get(11).total());
        BigDecimal totalInterest = lines.stream().map(ScheduleCalculator.Line::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        // 12 x 8,606.64 - 100,000 = 3,279.68, give or take the cents the last installment absorbs
        assertTrue(totalInterest.subtract(new BigDecimal("3279.68")).abs().compareTo(new BigDecimal("0.10")) <= 0, "interest " + totalInterest);
    }

    @Test
    void dueDatesKeepTheDayOfMonthClampedToShortMonths() {
        List<LocalDate> dates = ScheduleCalculator.monthlyDueDates(START, 3);
        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30)), dates);
    }

    @Test
    void zeroRateSplitsPrincipalEvenly() {
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(new BigDecimal("1000.00"), BigDecimal.ZERO,
                ScheduleCalculator.monthlyDueDates(START, 3), RepaymentMethod.ANNUITY);
        assertEquals(List.of(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34")),
                lines.stream().map(ScheduleCalculator.Line::principal).toList());
    }

    @Test
    void equalPrincipalWorkedExample() {
        // 12,000 at 12 % over 12 months: 1,000 principal a month, interest 1 % of the opening balance
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(new BigDecimal("12000.00"), new BigDecimal("0.12"),
                ScheduleCalculator.monthlyDueDates(START, 12), RepaymentMethod.EQUAL_PRINCIPAL);
        assertEquals(new BigDecimal("1120.00"), lines.get(0).total());
        assertEquals(new BigDecimal("1110.00"), lines.get(1).total());
        assertEquals(new BigDecimal("1010.00"), lines.get(11).total());
    }

    /** Property test over random loans: the invariants every schedule must keep. */
    @Test
    void invariantsHoldForRandomLoans() {
        Random random = new Random(20261122L);
        for (int k = 0; k < 3000; k++) {
            BigDecimal principal = BigDecimal.valueOf(100 + random.nextInt(5_000_000) + random.nextInt(100) / 100.0).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(300_000), 6); // 0 .. 30 %
            int n = 1 + random.nextInt(360);
            RepaymentMethod method = random.nextBoolean() ? RepaymentMethod.ANNUITY : RepaymentMethod.EQUAL_PRINCIPAL;
            String loan = principal + " at " + rate + " over " + n + " " + method;
            List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(principal, rate,
                    ScheduleCalculator.monthlyDueDates(START, n), method);
            assertEquals(principal, sumPrincipal(lines), "principal sums to the amount lent: " + loan);
            for (ScheduleCalculator.Line line : lines) {
                assertTrue(line.balanceAfter().signum() >= 0, "balance never negative: " + loan);
                assertTrue(line.principal().signum() >= 0 && line.interest().signum() >= 0, "no negative amounts: " + loan);
                assertEquals(2, line.principal().scale(), "cents: " + loan);
            }
            assertEquals(0, lines.get(n - 1).balanceAfter().signum(), "fully repaid: " + loan);
            if (method == RepaymentMethod.EQUAL_PRINCIPAL) {
                for (int i = 1; i < n; i++) {
                    assertTrue(lines.get(i).total().compareTo(lines.get(i - 1).total()) <= 0,
                            "equal-principal installments never increase: " + loan + " at " + i);
                }
            } else {
                BigDecimal level = lines.get(0).total();
                for (int i = 0; i < n - 1; i++) {
                    assertEquals(level, lines.get(i).total(), "annuity installments are level: " + loan);
                }
            }
        }
    }

    private static BigDecimal sumPrincipal(List<ScheduleCalculator.Line> lines) {
        return lines.stream().map(ScheduleCalculator.Line::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
