package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.rest.ApiException;

/**
 * Whether loan terms make an acceptable schedule. Not transactional on purpose: its refusals are
 * also caught inside the consumer's transaction (a modification rejected, not rolled back).
 */
@ApplicationScoped
public class LoanTerms {

    private final LoanConfig config;

    public LoanTerms(LoanConfig config) {
        this.config = config;
    }

    public BigDecimal minInstallment() {
        return config.booking().minInstallment();
    }

    /** The schedule of a new loan, or a 400 naming the field that makes it unacceptable. */
    public List<ScheduleCalculator.Line> schedule(BigDecimal principal, BigDecimal annualRate, int termMonths, RepaymentMethod method,
            List<BigDecimal> plan, LocalDate start) {
        List<LocalDate> dates = ScheduleCalculator.monthlyDueDates(start, termMonths);
        List<ScheduleCalculator.Line> lines;
        if (method == RepaymentMethod.FLEXIBLE) {
            checkPlan(principal, termMonths, plan);
            lines = ScheduleCalculator.planned(principal, annualRate, dates, plan);
        } else {
            if (plan != null && !plan.isEmpty()) {
                throw ApiException.badRequest("principalPlan", "principalPlan is only for the FLEXIBLE method, not " + method);
            }
            lines = ScheduleCalculator.schedule(principal, annualRate, dates, method);
        }
        installmentProblem(lines, method).ifPresent(problem -> {
            throw ApiException.badRequest(method == RepaymentMethod.FLEXIBLE ? "principalPlan" : "termMonths", problem);
        });
        return lines;
    }

    /** A FLEXIBLE plan: one amount per month, each within the bounds, adding up exactly to the principal. */
    void checkPlan(BigDecimal principal, int termMonths, List<BigDecimal> plan) {
        if (plan == null || plan.isEmpty()) {
            throw ApiException.badRequest("principalPlan", "principalPlan is required for FLEXIBLE: the principal repaid in each month");
        }
        if (termMonths < 2) {
            throw ApiException.badRequest("termMonths", "a FLEXIBLE plan needs at least 2 months");
        }
        if (plan.size() != termMonths) {
            throw ApiException.badRequest("principalPlan", "principalPlan has " + plan.size() + " amounts for a term of "
                    + termMonths + " months: give one per month");
        }
        BigDecimal sum = plan.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(principal) != 0) {
            throw ApiException.badRequest("principalPlan", "principalPlan repays " + ScheduleCalculator.money(sum) + " but the principal is "
                    + ScheduleCalculator.money(principal) + ": the amounts must add up to it exactly");
        }
        BigDecimal max = ScheduleCalculator.money(principal.multiply(config.flexible().maxPeriodShare()));
        for (int k = 0; k < plan.size(); k++) {
            if (plan.get(k).compareTo(max) > 0) {
                throw ApiException.badRequest("principalPlan[" + k + "]", "month " + (k + 1) + " repays " + plan.get(k)
                        + ", above the most one month may repay (" + max + ", " + config.flexible().maxPeriodShare()
                        + " of the principal); for a single large repayment use INTEREST_ONLY (balloon)");
            }
        }
    }

    /**
     * What is wrong with a new schedule's installments, if anything: an amortizing installment that
     * repays no principal, or any installment below the minimum (they would be missed for nothing).
     */
    public Optional<String> installmentProblem(List<ScheduleCalculator.Line> lines, RepaymentMethod method) {
        BigDecimal min = config.booking().minInstallment();
        boolean amortizing = method == RepaymentMethod.ANNUITY || method == RepaymentMethod.EQUAL_PRINCIPAL;
        for (ScheduleCalculator.Line line : lines) {
            if (amortizing && line.principal().signum() == 0) {
                return Optional.of("installment " + line.seq() + " of " + lines.size() + " would repay no principal: the term is too long "
                        + "for the amount; shorten it");
            }
            if (line.total().compareTo(min) < 0) {
                return Optional.of("installment " + line.seq() + " of " + lines.size() + " would be " + line.total()
                        + ", below the minimum installment " + min + "; shorten the term or raise the amount");
            }
        }
        return Optional.empty();
    }
}
