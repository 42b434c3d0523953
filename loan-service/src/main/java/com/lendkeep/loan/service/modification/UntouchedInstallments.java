package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.loan.service.LoanTerms;
import com.lendkeep.loan.service.ModificationCommand;
import com.lendkeep.platform.rest.ApiException;

/** What the re-computing modifications share: which installments they may replace, from when, and the checks. */
final class UntouchedInstallments {

    static final int MAX_TERM = 480;

    private UntouchedInstallments() {
    }

    /** The untouched installments after {@code asOf}; they must be the end of the schedule, since they are replaced. */
    static List<Installment> tail(Loan loan, LocalDate asOf) {
        List<Installment> untouched = loan.installments.stream().filter(i -> i.isUntouched(asOf)).toList();
        if (untouched.isEmpty()) {
            throw ApiException.unprocessable("no installment due after " + asOf + " is untouched (pending, nothing paid): nothing to modify");
        }
        int from = untouched.get(0).seq;
        for (Installment i : loan.installments) {
            if (i.seq > from && !untouched.contains(i)) {
                throw ApiException.unprocessable("installment " + i.seq + " (due " + i.dueDate + ") is partly paid or overdue after "
                        + "installment " + from + ": modify from a later date");
            }
        }
        return untouched;
    }

    /** The command's effective date: the business date by default, never before it, at most a year after. */
    static LocalDate effectiveFrom(ModificationCommand c, LocalDate today) {
        LocalDate from = c.effectiveFrom() == null ? today : c.effectiveFrom();
        // checked when a request is made too (400); here the business date may have moved since
        if (from.isBefore(today)) {
            throw ApiException.unprocessable("effectiveFrom " + from + " is before the business date " + today);
        }
        if (from.isAfter(today.plusYears(1))) {
            throw ApiException.unprocessable("effectiveFrom " + from + " is more than a year after the business date " + today);
        }
        return from;
    }

    /** The same installments re-computed on {@code base} at {@code rate}; a FLEXIBLE plan keeps its principal per period. */
    static List<ScheduleCalculator.Line> recompute(RepaymentMethod method, BigDecimal base, BigDecimal rate, List<Installment> same) {
        List<LocalDate> dates = same.stream().map(i -> i.dueDate).toList();
        return method == RepaymentMethod.FLEXIBLE
                ? ScheduleCalculator.planned(base, rate, dates, same.stream().map(Installment::principalUnpaid).toList())
                : ScheduleCalculator.schedule(base, rate, dates, method);
    }

    /** A new schedule breaking a booking rule (installment below the minimum, no principal repaid) is refused. */
    static void check(LoanTerms terms, List<ScheduleCalculator.Line> lines, RepaymentMethod method) {
        terms.installmentProblem(lines, method).ifPresent(problem -> {
            throw ApiException.unprocessable(problem);
        });
    }
}
