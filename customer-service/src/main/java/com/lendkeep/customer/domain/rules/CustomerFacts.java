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

    public LocalDate lastPrepaidOn() {
        return loans.stream().filter(l -> LoanFacts.PREPAID.equals(l.status())).map(LoanFacts::closedOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
