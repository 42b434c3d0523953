package com.lendkeep.loan.service;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.schedule.ScheduleCalculator;

/** Loans built in memory, the way LoanService books them, for tests of the arithmetic without a database. */
final class InMemoryLoans {

    /** The booking rules with the defaults of application.properties (minimum installment 1.00, flexible share 0.5). */
    static final LoanTerms TERMS = new LoanTerms(config());

    private InMemoryLoans() {
    }

    static Loan open(String principal, String rate, int term, LocalDate start, RepaymentMethod method, List<BigDecimal> plan) {
        Loan loan = new Loan();
        loan.id = UUID.randomUUID();
        loan.customerId = UUID.randomUUID();
        loan.principal = new BigDecimal(principal);
        loan.annualRate = new BigDecimal(rate);
        loan.termMonths = term;
        loan.startDate = start;
        loan.method = method;
        loan.status = LoanStatus.ACTIVE;
        loan.scheduleVersion = 1;
        for (ScheduleCalculator.Line line : TERMS.schedule(loan.principal, loan.annualRate, term, method, plan, start)) {
            loan.installments.add(LoanService.newInstallment(loan, line));
        }
        return loan;
    }

    static Loan annuity(String principal, String rate, int term, LocalDate start) {
        return open(principal, rate, term, start, RepaymentMethod.ANNUITY, null);
    }

    /** What close of business does to a loan on {@code date} (grace 0): unpaid installments due before it become OVERDUE with the fee. */
    static void closeOfBusiness(Loan loan, LocalDate date, BigDecimal lateFee) {
        for (Installment i : loan.installments) {
            if (i.status == InstallmentStatus.PENDING && i.dueDate.isBefore(date) && i.amountUnpaid().signum() > 0) {
                i.status = InstallmentStatus.OVERDUE;
                i.feeDue = i.feeDue.add(lateFee);
            }
        }
    }

    private static LoanConfig config() {
        return (LoanConfig) proxy(LoanConfig.class);
    }

    private static Object proxy(Class<?> type) {
        return Proxy.newProxyInstance(InMemoryLoans.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getReturnType().isInterface()) {
                return proxy(method.getReturnType());
            }
            return switch (method.getName()) {
                case "minInstallment" -> new BigDecimal("1.00");
                case "maxPeriodShare" -> new BigDecimal("0.5");
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
    }
}
