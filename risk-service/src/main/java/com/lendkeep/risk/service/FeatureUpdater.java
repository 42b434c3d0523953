package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.risk.domain.CustomerRisk;

/** How each event changes a customer's risk features (docs/risk-model.md). Pure: no I/O. */
public final class FeatureUpdater {
    private FeatureUpdater() {
    }

    public static void paymentMissed(CustomerRisk r, Payloads.PaymentMissed e) {
        r.latestLoanId = e.loanId();
        r.daysPastDue = Math.max(r.daysPastDue, e.daysPastDue());
        r.maxDaysPastDue = Math.max(r.maxDaysPastDue, r.daysPastDue);
        r.consecutiveMissed = Math.max(r.consecutiveMissed, e.consecutiveMissed());
        r.missedTotal++;
    }

    /** A repayment that covers what was due brings the customer current; a partial one does not. */
    public static void repaymentReceived(CustomerRisk r, Payloads.RepaymentReceived e) {
        r.latestLoanId = e.loanId();
        r.paymentsTotal++;
        if (e.onTime()) {
            r.paymentsOnTime++;
        }
        r.maxDaysPastDue = Math.max(r.maxDaysPastDue, e.daysPastDue());
        if (e.amountDue().signum() > 0) {
            r.lastPaymentRatio = e.amountPaid().divide(e.amountDue(), 4, RoundingMode.HALF_UP);
        }
        boolean coversDue = e.amountPaid().compareTo(e.amountDue()) >= 0;
        if (coversDue) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
        } else if (e.daysPastDue() > 0) {
            r.daysPastDue = Math.max(r.daysPastDue, e.daysPastDue());
            r.consecutiveMissed = Math.max(r.consecutiveMissed, 1);
        }
    }

    public static void creditScoreChanged(CustomerRisk r, Payloads.CreditScoreChanged e) {
        r.creditScoreChange = e.change() == null ? 0 : e.change();
        r.creditScore = e.newScore();
    }

    public static void contactLogged(CustomerRisk r, Payloads.ContactLogged e) {
        switch (e.topic()) {
            case "PAYOFF_INQUIRY" -> r.payoffInquiries++;
            case "COMPETITOR_OFFER" -> r.competitorMentions++;
            case "RATE_COMPLAINT" -> r.rateComplaints++;
            case "HARDSHIP" -> r.hardshipContacts++;
            case "SERVICE_COMPLAINT" -> r.complaints++;
            default -> {
                // GENERAL and any future topic: no feature
            }
        }
        if (e.satisfaction() != null && e.satisfaction() <= 2) {
            r.lowSatisfaction++;
        }
    }

    public static void loanOpened(CustomerRisk r, Payloads.LoanOpened e) {
        r.latestLoanId = e.loanId();
        r.activeLoans++;
        r.loanRate = e.annualRate();
    }

    /** An extension re-ages the overdue installments: the customer is current again, and watched. */
    public static void loanModified(CustomerRisk r, Payloads.LoanModified e) {
        r.forbearanceUntil = e.forbearanceUntil();
        if ("PAYMENT_EXTENSION".equals(e.modificationType())) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
        }
    }

    public static void loanClosed(CustomerRisk r, Payloads.LoanClosed e) {
        r.activeLoans = Math.max(0, r.activeLoans - 1);
        if (e.loanId().equals(r.latestLoanId)) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
        }
    }

    static BigDecimal probability(double p) {
        return BigDecimal.valueOf(p).setScale(6, RoundingMode.HALF_UP);
    }
}
