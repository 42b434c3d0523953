package com.lendkeep.loan.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;

/**
 * What closes a loan on a value date (docs/loan-arithmetic.md, section 6): all unpaid principal and
 * fees, the unpaid interest of installments due by then, and the interest earned by day to that date
 * on installments not yet due ({@link Accrual}). Interest not yet earned is never owed.
 */
public final class Payoff {

    /**
     * @param maxAccepted the most a payment on that date settles: the payoff amount (anything above it
     *                    closes the loan and is kept as a credit balance)
     */
    public record Quote(LocalDate on, BigDecimal principal, BigDecimal interestDue, BigDecimal accruedInterest, BigDecimal fees,
            BigDecimal payoffAmount, BigDecimal maxAccepted) {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Payoff() {
    }

    /** {@code installments} in schedule order; {@code start} is the loan's start date. */
    public static Quote quote(List<Installment> installments, LocalDate start, LocalDate on) {
        BigDecimal principal = ZERO;
        BigDecimal interestDue = ZERO;
        BigDecimal fees = ZERO;
        for (Installment i : installments) {
            if (i.status == InstallmentStatus.PAID) {
                continue;
            }
            principal = principal.add(i.principalUnpaid());
            fees = fees.add(i.feeUnpaid());
            if (i.isDueBy(on)) {
                interestDue = interestDue.add(i.interestUnpaid());
            }
        }
        BigDecimal accrued = accruedInterest(installments, start, on);
        BigDecimal payoff = principal.add(interestDue).add(accrued).add(fees);
        return new Quote(on, principal, interestDue, accrued, fees, payoff, payoff);
    }

    /**
     * Interest earned but not yet due on {@code on} and not yet paid: the running period's interest
     * accrued by day, plus interest carried on installments not yet due ({@link Accrual}).
     */
    public static BigDecimal accruedInterest(List<Installment> installments, LocalDate start, LocalDate on) {
        BigDecimal accrued = ZERO;
        for (int k = 0; k < installments.size(); k++) {
            Installment i = installments.get(k);
            if (i.status != InstallmentStatus.PAID && !i.isDueBy(on)) {
                accrued = accrued.add(Accrual.owedTo(installments, k, start, on));
            }
        }
        return accrued;
    }
}
