package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.lendkeep.retention.domain.InterventionKind;

/** Who may get what (docs/retention.md, "Eligibility"). Every rule that fails gives its reason. */
public final class Eligibility {
    private Eligibility() {
    }

    /** @param rateOffersMaxDaysPastDue rate discounts only for loans at most this many days past due */
    public record Limits(int reliefPerYear, Map<InterventionKind, Integer> perKindPerYear, Set<InterventionKind> forbearanceKinds,
            Set<String> noRateOfferGrades, Set<String> relationshipManagerTiers, int rateOffersMaxDaysPastDue) {
    }

    /** The customer's committed interventions in the 12 months before the alert. */
    public record History(int reliefInYear, Map<InterventionKind, Integer> byKindInYear) {
        public static final History NONE = new History(0, Map.of());
    }

    /** Reasons the candidate may not be proposed; empty when it is eligible. */
    public static List<String> reasons(InterventionKind kind, Terms terms, Playbook.AlertFacts alert, Playbook.CustomerFacts customer,
            boolean alertNamesLoan, LoanTerms loan, Playbook.CreditFacts credit, History history, Limits limits) {
        List<String> reasons = new ArrayList<>();
        if (customer.erased()) {
            reasons.add("the customer was erased: no intervention");
            return reasons;
        }
        if (kind == InterventionKind.RELATIONSHIP_MANAGER_CALL) {
            if (customer.tier() == null) {
                reasons.add("tier unknown: relationship-manager calls are for tiers " + limits.relationshipManagerTiers());
            } else if (limits.relationshipManagerTiers().stream().noneMatch(t -> t.equalsIgnoreCase(customer.tier()))) {
                reasons.add("tier " + customer.tier() + ": relationship-manager calls are for tiers " + limits.relationshipManagerTiers());
            }
        }
        if (!kind.isLoanRelief()) {
            return reasons;
        }
        if (!alertNamesLoan) {
            reasons.add("the alert names no loan: loan relief needs one");
            return reasons;
        }
        if (loan == null) {
            reasons.add("the loan's terms are unknown here (no LOAN_OPENED received): principal, rate and term are missing, so relief "
                    + "can neither be priced nor applied" + (credit.exposure() == null ? ""
                            : " (known from loan and repayment events: outstanding " + credit.exposure().toPlainString() + ", "
                                    + credit.daysPastDue() + " days past due)"));
            return reasons;
        }
        if (loan.closed()) {
            reasons.add("the loan is closed (" + loan.closure() + "): no relief on a closed loan");
            return reasons;
        }
        if (limits.forbearanceKinds().contains(kind) && loan.inForbearance(alert.asOf())) {
            reasons.add("the loan is in forbearance probation until " + loan.forbearanceUntil() + ": no second forbearance measure ("
                    + kind + ") during probation");
        }
        if (history.reliefInYear() >= limits.reliefPerYear()) {
            reasons.add("the customer had " + history.reliefInYear() + " loan relief intervention(s) in the 12 months before "
                    + alert.asOf() + " (limit " + limits.reliefPerYear() + ")");
        }
        Integer kindLimit = limits.perKindPerYear().get(kind);
        int ofKind = history.byKindInYear().getOrDefault(kind, 0);
        if (kindLimit != null && ofKind >= kindLimit) {
            reasons.add("the customer had " + ofKind + " " + kind + " in the 12 months before " + alert.asOf() + " (limit " + kindLimit + ")");
        }
        LoanTerms.Position position = loan.positionAt(alert.asOf());
        if (kind == InterventionKind.FEE_WAIVER) {
            if (credit.feesOutstanding() == null) {
                reasons.add("unpaid fees unknown: no loan event has reported feesOutstanding, and a fee waiver needs unpaid fees");
            } else if (credit.feesOutstanding().signum() == 0) {
                reasons.add("the loan has no unpaid fees: nothing to waive");
            }
        }
        if (kind.changesRate() && credit.daysPastDue() > limits.rateOffersMaxDaysPastDue()) {
            reasons.add("the loan is " + credit.daysPastDue() + " days past due: no rate discount beyond "
                    + limits.rateOffersMaxDaysPastDue() + " days past due (arrears call for forbearance, not pricing)");
        }
        if (kind.changesRate()) {
            if (customer.grade() != null && limits.noRateOfferGrades().stream().anyMatch(g -> g.equalsIgnoreCase(customer.grade()))) {
                reasons.add("grade " + customer.grade() + " gets no rate discount (grades " + limits.noRateOfferGrades() + ")");
            }
            if (terms.newAnnualRate() == null) {
                reasons.add("no new rate could be set");
            } else if (terms.newAnnualRate().compareTo(position.annualRate()) >= 0) {
                reasons.add("the offered rate " + plain(terms.newAnnualRate()) + " is not below the loan's rate " + plain(position.annualRate()));
            }
        }
        if (kind == InterventionKind.RESTRUCTURING) {
            boolean lowerRate = terms.newAnnualRate() != null && terms.newAnnualRate().compareTo(position.annualRate()) < 0;
            boolean longerTerm = terms.newTermMonths() != null && terms.newTermMonths() > position.remainingMonths();
            if (!lowerRate && !longerTerm) {
                reasons.add("the restructuring neither lowers the rate (" + plain(position.annualRate())
                        + ") nor lengthens the term (" + position.remainingMonths() + " installments left)");
            }
        }
        if (position.remainingMonths() == 0 && kind != InterventionKind.FEE_WAIVER) {
            reasons.add("no installment is left to change");
        }
        return reasons;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** Null when {@code cost} fits in what is left of the period's budget, else why not. */
    public static String overBudget(String period, BigDecimal committed, BigDecimal cost, BigDecimal limit) {
        if (committed.add(cost).compareTo(limit) <= 0) {
            return null;
        }
        return "over budget: " + committed.toPlainString() + " of " + limit.toPlainString() + " committed in " + period
                + ", this would add " + cost.toPlainString();
    }
}
