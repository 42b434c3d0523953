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

    @Test
    void equalPrincipalWorkedExampleFromTheDocs() {
        // 100,000 at 6 % over 12 months: L = 100,000 / 12 rounded up = 8,333.34; the last takes 8,333.26
        // (computed independently with Python's decimal module, docs/loan-arithmetic.md section 3)
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(new BigDecimal("100000.00"), new BigDecimal("0.06"),
                ScheduleCalculator.monthlyDueDates(START, 12), RepaymentMethod.EQUAL_PRINCIPAL);
        assertEquals(new BigDecimal("8833.34"), lines.get(0).total());
        assertEquals(new BigDecimal("8791.67"), lines.get(1).total());
        assertEquals(new BigDecimal("8333.26"), lines.get(11).principal());
        assertEquals(new BigDecimal("8374.93"), lines.get(11).total());
    }

    @Test
    void interestOnlyPaysInterestMonthlyAndThePrincipalAsABalloon() {
        // 120,000 at 6 %: 120,000 x 0.005 = 600.00 a month; the last installment is 120,000 + 600
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(new BigDecimal("120000.00"), new BigDecimal("0.06"),
                ScheduleCalculator.monthlyDueDates(START, 12), RepaymentMethod.INTEREST_ONLY);
        for (int i = 0; i < 11; i++) {
            assertEquals(new BigDecimal("0.00"), lines.get(i).principal(), "installment " + (i + 1));
            assertEquals(new BigDecimal("600.00"), lines.get(i).total(), "installment " + (i + 1));
        }
        assertEquals(new BigDecimal("120600.00"), lines.get(11).total());
        assertEquals(new BigDecimal("120000.00"), sumPrincipal(lines));
    }

    @Test
    void flexiblePlanWorkedExample() {
        // 25,000 at 7.5 % (0.625 % a month), principal 2,000 / 2,000 / 500 / 500 / 10,000 / 10,000.
        // Month 4: 20,500 x 0.00625 = 128.125, banker's rounding gives 128.12 (computed with Python's decimal).
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.planned(new BigDecimal("25000.00"), new BigDecimal("0.075"),
                ScheduleCalculator.monthlyDueDates(START, 6), List.of(new BigDecimal("2000"), new BigDecimal("2000"),
                        new BigDecimal("500"), new BigDecimal("500"), new BigDecimal("10000"), new BigDecimal("10000")));
        assertEquals(List.of(new BigDecimal("2156.25"), new BigDecimal("2143.75"), new BigDecimal("631.25"), new BigDecimal("628.12"),
                new BigDecimal("10125.00"), new BigDecimal("10062.50")), lines.stream().map(ScheduleCalculator.Line::total).toList());
        assertEquals(new BigDecimal("25000.00"), sumPrincipal(lines));
    }

    @Test
    void aChosenInstallmentRepaysTheBalanceWithASmallerLastOne() {
        // 10,000 at 12 %, 2,000 a month, 1 % interest on the balance; by hand: balances 8,100.00, 6,181.00, 4,242.81,
        // 2,285.24, 308.09 after five installments of 2,000, then a sixth of 308.09 + 3.08 = 311.17
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.fixedInstallment(new BigDecimal("10000.00"), new BigDecimal("0.12"),
                new BigDecimal("2000.00"), LocalDate.of(2026, 3, 31), 31, 480, new BigDecimal("1.00"));
        assertEquals(6, lines.size());
        assertEquals(new BigDecimal("311.17"), lines.get(5).total());
        assertEquals(new BigDecimal("10000.00"), sumPrincipal(lines));
        assertEquals(LocalDate.of(2026, 4, 30), lines.get(1).dueDate());
        assertEquals(LocalDate.of(2026, 5, 31), lines.get(2).dueDate(), "back to the 31st after a 30-day month");
    }

    @Test
    void aPrepaidPlanKeepsItsShapeAndItsTotal() {
        List<BigDecimal> scaled = ScheduleCalculator.scalePlan(List.of(new BigDecimal("1000.00"), new BigDecimal("0.00"),
                new BigDecimal("3000.00")), new BigDecimal("2000.00"));
        assertEquals(List.of(new BigDecimal("500.00"), new BigDecimal("0.00"), new BigDecimal("1500.00")), scaled);
        assertEquals(List.of(new BigDecimal("3.33"), new BigDecimal("3.33"), new BigDecimal("3.34")),
                ScheduleCalculator.spread(new BigDecimal("10.00"), 3));
    }

    @Test
    void delinquencyBucketsFollowTheirStarts() {
        DelinquencyBuckets buckets = new DelinquencyBuckets(List.of(1, 31, 61, 91));
        assertEquals(List.of("1-30", "31-60", "61-90", "91+"), buckets.names());
        assertEquals(null, buckets.classify(0));
        assertEquals("1-30", buckets.classify(1));
        assertEquals("1-30", buckets.classify(30));
        assertEquals("31-60", buckets.classify(31));
        assertEquals("61-90", buckets.classify(90));
        assertEquals("91+", buckets.classify(91));
        assertEquals("91+", buckets.classify(2000));
    }

    @Test
    void dayCountIsThirtyEThreeSixty() {
        assertEquals(14, DayCount.days30E360(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 15)));
        assertEquals(28, DayCount.days30E360(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28)), "the 31st counts as the 30th");
        assertEquals(60, DayCount.days30E360(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31)));
        assertEquals(360, DayCount.days30E360(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 11, 1)));
    }

    /** Property test over random loans of every method: the invariants every schedule must keep. */
    @Test
    void invariantsHoldForRandomLoans() {
        Random random = new Random(20261122L);
        RepaymentMethod[] methods = RepaymentMethod.values();
        for (int k = 0; k < 4000; k++) {
            BigDecimal principal = BigDecimal.valueOf(100 + random.nextInt(5_000_000) + random.nextInt(100) / 100.0).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(300_000), 6); // 0 .. 30 %
            int n = 2 + random.nextInt(359);
            RepaymentMethod method = methods[random.nextInt(methods.length)];
            String loan = principal + " at " + rate + " over " + n + " " + method;
            List<LocalDate> dates = ScheduleCalculator.monthlyDueDates(START, n);
            List<ScheduleCalculator.Line> lines = method == RepaymentMethod.FLEXIBLE
                    ? ScheduleCalculator.planned(principal, rate, dates, randomPlan(random, principal, n))
                    : ScheduleCalculator.schedule(principal, rate, dates, method);
            assertEquals(principal, sumPrincipal(lines), "principal sums to the amount lent: " + loan);
            for (ScheduleCalculator.Line line : lines) {
                assertTrue(line.balanceAfter().signum() >= 0, "balance never negative: " + loan);
                assertTrue(line.principal().signum() >= 0 && line.interest().signum() >= 0, "no negative amounts: " + loan);
                assertEquals(2, line.principal().scale(), "cents: " + loan);
                assertEquals(2, line.interest().scale(), "cents: " + loan);
            }
            assertEquals(0, lines.get(n - 1).balanceAfter().signum(), "fully repaid: " + loan);
            switch (method) {
                case EQUAL_PRINCIPAL -> {
                    for (int i = 1; i < n; i++) {
                        assertTrue(lines.get(i).total().compareTo(lines.get(i - 1).total()) <= 0,
                                "equal-principal installments never increase: " + loan + " at " + i);
                    }
                }
                case ANNUITY -> {
                    BigDecimal level = lines.get(0).total();
                    for (int i = 0; i < n - 1; i++) {
                        assertEquals(level, lines.get(i).total(), "annuity installments are level: " + loan);
                    }
                }
                case INTEREST_ONLY -> {
                    for (int i = 0; i < n - 1; i++) {
                        assertEquals(0, lines.get(i).principal().signum(), "interest only before the balloon: " + loan);
                    }
                    assertEquals(principal, lines.get(n - 1).principal(), "the balloon is the principal: " + loan);
                }
                case FLEXIBLE -> {
                    for (int i = 1; i < n; i++) {
                        assertTrue(lines.get(i).interest().compareTo(lines.get(i - 1).interest()) <= 0,
                                "interest never grows when principal only goes down: " + loan);
                    }
                }
            }
        }
    }

    /** Random amounts (some months without principal) adding up exactly to the principal. */
    private static List<BigDecimal> randomPlan(Random random, BigDecimal principal, int n) {
        List<BigDecimal> weights = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            weights.add(random.nextInt(4) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(100)));
        }
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            weights.set(n - 1, BigDecimal.ONE);
        }
        return ScheduleCalculator.scalePlan(weights, principal);
    }

    private static BigDecimal sumPrincipal(List<ScheduleCalculator.Line> lines) {
        return lines.stream().map(ScheduleCalculator.Line::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
