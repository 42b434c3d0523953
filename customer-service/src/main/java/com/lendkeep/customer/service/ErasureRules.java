package com.lendkeep.customer.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.lendkeep.customer.domain.CustomerLoan;

/**
 * When personal data must still be kept (GDPR art. 17(3)(b) and (e): a legal obligation, and
 * the establishment of legal claims): while money is owed on any loan (an active loan, or a
 * charged-off one with principal or interest unrecovered), and for the retention period after the
 * last loan closed (record keeping, e.g. anti-money-laundering). Pure: the loans and the date decide.
 */
public final class ErasureRules {

    private final Period retention;

    public ErasureRules(Period retention) {
        this.retention = retention;
    }

    /** Why erasure must wait on {@code today}, or empty when it may proceed. */
    public Optional<String> refusal(List<CustomerLoan> loans, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        for (CustomerLoan loan : loans) {
            if (loan.active()) {
                BigDecimal owed = loan.outstanding != null ? loan.outstanding : loan.principal;
                reasons.add("loan " + loan.loanId + " is active" + (owed == null ? "" : " with " + owed.toPlainString() + " outstanding"));
            } else if (loan.chargedOffOwed().signum() > 0) {
                reasons.add("loan " + loan.loanId + " was charged off with " + loan.chargedOffOwed().toPlainString() + " still owed");
            }
        }
        if (!reasons.isEmpty()) {
            return Optional.of("money is owed: " + String.join("; ", reasons)
                    + " (the data is needed to collect it and to establish legal claims)");
        }
        Optional<LocalDate> lastClosed = loans.stream().map(l -> l.closedOn).filter(Objects::nonNull).max(Comparator.naturalOrder());
        if (lastClosed.isPresent() && today.isBefore(lastClosed.get().plus(retention))) {
            return Optional.of("the last loan closed on " + lastClosed.get() + ": its records are kept for " + retention
                    + " (customer.erasure.retention-period), until " + lastClosed.get().plus(retention) + "; the date in force is " + today);
        }
        return Optional.empty();
    }
}
