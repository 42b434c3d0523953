package com.lendkeep.loan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.loan.service.modification.FeeWaiver;
import com.lendkeep.loan.service.modification.LoanModifier;
import com.lendkeep.loan.service.modification.PaymentExtension;
import com.lendkeep.loan.service.modification.PaymentHoliday;
import com.lendkeep.loan.service.modification.RateChange;
import com.lendkeep.loan.service.modification.Restructuring;
import com.lendkeep.loan.service.modification.TermExtension;
import com.lendkeep.platform.rest.ApiException;

/**
 * Issue 16, point 2, as a property over random loans and random sequences of operations (seeded, so
 * a failure replays): what the customer owes is the payoff amount on the business date (all unpaid
 * principal and fees, and the interest earned by day to that date: docs/loan-arithmetic.md,
 * section 10). Then, to the cent:
 * <ul>
 * <li>a modification lowers it by exactly its recorded concession (0.00 unless it waives something);</li>
 * <li>a payment below it lowers it by exactly the amount paid; one at or above it settles the loan and
 * the excess is the credit balance;</li>
 * <li>a refused modification changes nothing;</li>
 * <li>the schedule's principal always sums to the amount lent, and nothing is paid above what is due.</li>
 * </ul>
 */
class MoneyConservationPropertyTest {

    private static final int CASES = 3000;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final List<LoanModifier> MODIFIERS = List.of(new PaymentExtension(), new TermExtension(InMemoryLoans.TERMS),
            new Restructuring(InMemoryLoans.TERMS), new RateChange(), new PaymentHoliday(), new FeeWaiver());

    @Test
    void owedBeforeMinusOwedAfterIsTheRecordedConcession() {
        Random random = new Random(20261206L);
        int modifications = 0;
        int refused = 0;
        int payments = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = random.nextLong();
            Random r = new Random(seed);
            Loan loan = randomLoan(r);
            LocalDate today = loan.startDate;
            BigDecimal lateFee = r.nextBoolean() ? ZERO : money(r.nextInt(5000) / 100.0);
            int steps = 3 + r.nextInt(12);
            for (int s = 0; s < steps && loan.installments.stream().anyMatch(i -> i.status != InstallmentStatus.PAID); s++) {
                String where = "case " + c + " (seed " + seed + "), step " + s + " on " + today + ": ";
                switch (r.nextInt(3)) {
                    case 0 -> {
                        today = today.plusDays(1 + r.nextInt(75));
                        InMemoryLoans.closeOfBusiness(loan, today, lateFee);
                    }
                    case 1 -> {
                        payments++;
                        pay(loan, today, r, where);
                    }
                    default -> {
                        modifications++;
                        if (!modify(loan, today, r, where)) {
                            refused++;
                        }
                    }
                }
                checkSchedule(loan, where);
            }
        }
        System.out.printf("conservation property: %d loans, %d modifications (%d refused), %d payments%n", CASES, modifications,
                refused, payments);
        assertTrue(modifications > 3000 && payments > 3000, modifications + " modifications, " + payments + " payments");
        assertTrue(refused < modifications / 2, refused + " of " + modifications + " modifications refused: too few really applied");
    }

    private static Loan randomLoan(Random r) {
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365));
        int term = 3 + r.nextInt(58);
        BigDecimal principal = money((1000 + r.nextInt(500_000)) + r.nextInt(100) / 100.0);
        RepaymentMethod method = RepaymentMethod.values()[r.nextInt(RepaymentMethod.values().length)];
        String rate = BigDecimal.valueOf(method == RepaymentMethod.INTEREST_ONLY ? 1 + r.nextInt(250) : r.nextInt(251), 3).toPlainString();
        List<BigDecimal> plan = null;
        if (method == RepaymentMethod.FLEXIBLE) {
            plan = new ArrayList<>();
            BigDecimal each = principal.divide(BigDecimal.valueOf(term), 2, RoundingMode.DOWN);
            for (int k = 0; k < term; k++) {
                plan.add(k == term - 1 ? principal.subtract(each.multiply(BigDecimal.valueOf(term - 1))) : each);
            }
        }
        try {
            return InMemoryLoans.open(principal.toPlainString(), rate, term, start, method, plan);
        } catch (ApiException e) {
            // terms the booking refuses (e.g. an installment below the minimum): an annuity of the same amount instead
            return InMemoryLoans.open(principal.toPlainString(), rate, term, start, RepaymentMethod.ANNUITY, null);
        }
    }

    private static void pay(Loan loan, LocalDate today, Random r, String where) {
        BigDecimal owed = owed(loan, today);
        BigDecimal amount = switch (r.nextInt(4)) {
            case 0 -> owed.add(money(r.nextInt(100_000) / 100.0 + 0.01)); // more than owed
            case 1 -> owed; // exactly the payoff
            default -> money(Math.max(0.01, owed.doubleValue() * r.nextDouble() * 0.5)); // partial, late or ahead of time
        };
        BigDecimal creditBefore = loan.creditBalance;
        RepaymentAllocation.Result result = RepaymentAllocation.apply(loan, amount, today);
        BigDecimal parts = result.fees().add(result.interest()).add(result.principal()).add(result.credit());
        assertEquals(amount, parts, where + "every cent of " + amount + " is allocated");
        if (amount.compareTo(owed) >= 0) {
            assertTrue(result.settled(), where + "the payoff amount settles the loan");
            assertEquals(amount.subtract(owed), loan.creditBalance.subtract(creditBefore), where + "the excess is credit");
            assertEquals(ZERO, owed(loan, today), where + "nothing owed after a payoff");
        } else {
            assertEquals(owed.subtract(amount), owed(loan, today), where + "a payment of " + amount + " lowers what is owed by itself");
        }
    }

    /** Applies a random modification; false when it was refused (then nothing changed). */
    private static boolean modify(Loan loan, LocalDate today, Random r, String where) {
        LoanModifier modifier = MODIFIERS.get(r.nextInt(MODIFIERS.size()));
        BigDecimal newRate = BigDecimal.valueOf(r.nextInt(301), 3);
        ModificationCommand command = switch (modifier.kind()) {
            case PAYMENT_EXTENSION -> cmd(ModificationKind.PAYMENT_EXTENSION, 1 + r.nextInt(24), null, null, null, null, null);
            case TERM_EXTENSION -> cmd(ModificationKind.TERM_EXTENSION, 1 + r.nextInt(36), null, null, null, null, null);
            case RESTRUCTURING -> switch (r.nextInt(3)) {
                case 0 -> cmd(ModificationKind.RESTRUCTURING, null, newRate, null, null, null, null);
                case 1 -> cmd(ModificationKind.RESTRUCTURING, null, r.nextBoolean() ? newRate : null, 1 + r.nextInt(72), null, null, null);
                default -> cmd(ModificationKind.RESTRUCTURING, null, null, null,
                        money(loan.outstandingPrincipal().doubleValue() / (2 + r.nextInt(40))), null, null);
            };
            case RATE_CHANGE -> cmd(ModificationKind.RATE_CHANGE, null, newRate, null, null, null, null);
            case PAYMENT_HOLIDAY -> cmd(ModificationKind.PAYMENT_HOLIDAY, null, null, null, null, 1 + r.nextInt(12), null);
            case FEE_WAIVER -> cmd(ModificationKind.FEE_WAIVER, null, null, null, null, null, money(r.nextInt(10_000) / 100.0 + 0.01));
        };
        ModificationService.validate(command);
        BigDecimal before = owed(loan, today);
        BigDecimal principalBefore = loan.outstandingPrincipal();
        String snapshot = snapshot(loan);
        LoanModifier.Outcome outcome;
        try {
            outcome = modifier.apply(loan, command, today);
        } catch (ApiException refused) {
            assertEquals(snapshot, snapshot(loan), where + modifier.kind() + " refused (" + refused.getMessage() + ") changed the loan");
            return false;
        }
        LoanService.settleEmptyInstallments(loan);
        assertEquals(before.subtract(outcome.concession()), owed(loan, today),
                where + modifier.kind() + " " + command + ": owed before minus owed after must be the concession " + outcome.concession()
                        + "\nbefore: " + snapshot + "\nafter:  " + snapshot(loan));
        assertEquals(principalBefore, loan.outstandingPrincipal(), where + modifier.kind() + " forgave principal");
        assertTrue(outcome.concession().signum() >= 0 && outcome.concession().scale() == 2, where + "concession " + outcome.concession());
        return true;
    }

    private static ModificationCommand cmd(ModificationKind kind, Integer months, BigDecimal rate, Integer term, BigDecimal installment,
            Integer holiday, BigDecimal fee) {
        return new ModificationCommand(kind, kind.name(), months, rate, term, installment, null, holiday, fee);
    }

    private static BigDecimal owed(Loan loan, LocalDate on) {
        return Payoff.quote(loan.installments, loan.startDate, on).payoffAmount();
    }

    private static void checkSchedule(Loan loan, String where) {
        BigDecimal principal = ZERO;
        for (Installment i : loan.installments) {
            principal = principal.add(i.principalDue);
            for (BigDecimal amount : List.of(i.principalDue, i.interestDue, i.feeDue, i.principalPaid, i.interestPaid, i.feePaid,
                    i.interestEarned)) {
                if (amount.scale() != 2 || amount.signum() < 0) {
                    fail(where + "installment " + i.seq + " holds " + amount);
                }
            }
            assertTrue(i.principalPaid.compareTo(i.principalDue) <= 0 && i.interestPaid.compareTo(i.interestDue) <= 0
                    && i.feePaid.compareTo(i.feeDue) <= 0 && i.interestEarned.compareTo(i.interestDue) <= 0,
                    where + "installment " + i.seq + " paid above what it asks");
        }
        assertEquals(loan.principal, principal, where + "the schedule's principal sums to the amount lent");
    }

    private static String snapshot(Loan loan) {
        StringBuilder s = new StringBuilder(loan.annualRate + "/" + loan.method + "/");
        for (Installment i : loan.installments) {
            s.append("\n  ").append(i.seq).append(' ').append(i.dueDate).append(" p=").append(i.principalDue).append('/')
                    .append(i.principalPaid).append(" i=").append(i.interestDue).append('/').append(i.interestPaid).append(" f=")
                    .append(i.feeDue).append('/').append(i.feePaid).append(" e=").append(i.interestEarned).append(" from=")
                    .append(i.accrualStart).append(' ').append(i.status);
        }
        return s.toString();
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
