package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.lendkeep.customer.domain.CollateralType;
import com.lendkeep.customer.domain.CustomerType;

/**
 * Everything the rules look at, gathered at one moment ({@code asOf}); the rules do no I/O.
 *
 * @param industry             normalized industry, or null
 * @param latestScore          null when no bureau score was ever recorded
 * @param contactsLast12Months contacts dated within the 12 months up to {@code asOf}
 */
public record CustomerFacts(LocalDate asOf, CustomerType type, LocalDate relationshipSince, String industry,
        CollateralType collateralType, BigDecimal collateralValue, ScoreFacts latestScore, int contactsLast12Months,
        List<LoanFacts> loans) {

    public CustomerFacts {
        loans = List.copyOf(loans);
    }

    public BigDecimal exposure() {
        return loans.stream().map(LoanFacts::exposure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalBorrowed() {
        return loans.stream().map(LoanFacts::principal).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Outstanding of the performing loans (active, under {@code nonPerformingDays} past due). */
    public BigDecimal performingExposure(int nonPerformingDays) {
        return loans.stream().filter(l -> l.performing(nonPerformingDays)).map(LoanFacts::exposure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Borrowed on loans that were repaid or still perform: a charged-off or non-performing loan is no contribution. */
    public BigDecimal goodBorrowing(int nonPerformingDays) {
        return loans.stream().filter(l -> l.active() ? l.performing(nonPerformingDays) : !l.chargedOff())
                .map(LoanFacts::principal).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int performingLoans(int nonPerformingDays) {
        return (int) loans.stream().filter(l -> l.performing(nonPerformingDays)).count();
    }

    /** The most days past due of the active loans (0 when all are current). */
    public int maxDaysPastDue() {
        return loans.stream().filter(LoanFacts::active).mapToInt(LoanFacts::daysPastDue).max().orElse(0);
    }

    /** The latest charge-off, or null. */
    public LocalDate lastChargedOffOn() {
        return loans.stream().filter(LoanFacts::chargedOff).map(LoanFacts::closedOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    public BigDecimal interestIncome() {
        return loans.stream().map(LoanFacts::interestPaid).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int activeLoans() {
        return (int) loans.stream().filter(LoanFacts::active).count();
    }

    public int loansEver() {
        return loans.size();
    }

    public long tenureMonths() {
        return Math.max(0, ChronoUnit.MONTHS.between(relationshipSince, asOf));
    }

    public int tenureYears() {
        return (int) Math.max(0, ChronoUnit.YEARS.between(relationshipSince, asOf));
    }

    public LocalDate lastLoanOpenedOn() {
        return loans.stream().map(LoanFacts::openedOn).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    public LocalDate lastLoanClosedOn() {
        return loans.stream().filter(l -> !l.active()).map(LoanFacts::closedOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * Whether a loan other than a prepaid one was opened on or after the last prepayment: borrowing
     * again. The prepaid loan itself never counts, even when it was opened and prepaid on the same day.
     */
    public boolean borrowedSinceLastPrepayment() {
        LocalDate prepaid = lastPrepaidOn();
        return prepaid != null && loans.stream().anyMatch(l -> !LoanFacts.PREPAID.equals(l.status()) && l.openedOn() != null
                && !l.openedOn().isBefore(prepaid));
    }

    public LocalDate lastPrepaidOn() {
        return loans.stream().filter(l -> LoanFacts.PREPAID.equals(l.status())).map(LoanFacts::closedOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
