package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RepaymentPeriod;

/** How each event changes a customer's risk features (docs/risk-model.md). Pure: no I/O. */
public final class FeatureUpdater {
    private FeatureUpdater() {
    }

    /**
     * Days past due are counted from the oldest missed due date to the latest business date an
     * event told us about, so they keep growing while installments stay unpaid.
     */
    public static void paymentMissed(CustomerState s, Payloads.PaymentMissed e) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        RepaymentPeriod p = s.period(e.loanId(), e.dueDate());
        p.daysPastDue = Math.max(p.daysPastDue, e.daysPastDue());
        p.amountDue = p.amountDue.max(e.amountDue());
        p.outstanding = e.outstanding();
        advance(r, e.dueDate().plusDays(e.daysPastDue()));
        if (r.delinquentSince == null || e.dueDate().isBefore(r.delinquentSince)) {
            r.delinquentSince = e.dueDate();
        }
        r.daysPastDue = Math.max(e.daysPastDue(), (int) ChronoUnit.DAYS.between(r.delinquentSince, r.asOf));
        r.maxDaysPastDue = Math.max(r.maxDaysPastDue, r.daysPastDue);
        r.consecutiveMissed = Math.max(r.consecutiveMissed, e.consecutiveMissed());
        r.missedTotal++;
    }

    /** A repayment that covers what was due brings the customer current; a partial one does not. */
    public static void repaymentReceived(CustomerState s, Payloads.RepaymentReceived e) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        RepaymentPeriod p = s.period(e.loanId(), e.dueDate() != null ? e.dueDate() : e.paidOn());
        p.daysPastDue = Math.max(p.daysPastDue, e.daysPastDue());
        p.amountDue = p.amountDue.max(e.amountDue());
        p.amountPaid = p.amountPaid.add(e.amountPaid());
        p.outstanding = e.outstanding();
        if (e.creditLimit() != null) {
            p.creditLimit = e.creditLimit();
            r.creditLimit = e.creditLimit();
        }
        advance(r, e.paidOn());
        r.paymentsTotal++;
        if (e.onTime()) {
            r.paymentsOnTime++;
        }
        r.maxDaysPastDue = Math.max(r.maxDaysPastDue, e.daysPastDue());
        if (e.amountDue().signum() > 0) {
            r.lastPaymentRatio = e.amountPaid().divide(e.amountDue(), 4, RoundingMode.HALF_UP);
        }
        if (e.amountPaid().compareTo(e.amountDue()) >= 0) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
            r.delinquentSince = null;
        } else if (e.daysPastDue() > 0) {
            r.daysPastDue = Math.max(r.daysPastDue, e.daysPastDue());
            r.consecutiveMissed = Math.max(r.consecutiveMissed, 1);
        }
    }

    public static void delinquencyChanged(CustomerState s, Payloads.DelinquencyChanged e) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        r.daysPastDue = e.daysPastDue();
        r.maxDaysPastDue = Math.max(r.maxDaysPastDue, e.daysPastDue());
        if (e.newBucket() == null || e.daysPastDue() == 0) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
            r.delinquentSince = null;
        }
    }

    public static void creditScoreChanged(CustomerState s, Payloads.CreditScoreChanged e) {
        CustomerRisk r = s.risk;
        r.creditScoreChange = e.change() == null ? 0 : e.change();
        r.creditScore = e.newScore();
        s.score(e.scoreDate(), e.newScore());
    }

    public static void contactLogged(CustomerState s, Payloads.ContactLogged e) {
        CustomerRisk r = s.risk;
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

    public static void loanOpened(CustomerState s, Payloads.LoanOpened e) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        r.activeLoans++;
        r.loanRate = e.annualRate();
        advance(r, e.startDate());
    }

    /** An extension re-ages the overdue installments: the customer is current again, and watched. */
    public static void loanModified(CustomerState s, Payloads.LoanModified e) {
        CustomerRisk r = s.risk;
        if (e.forbearanceUntil() != null) {
            r.forbearanceUntil = e.forbearanceUntil();
        }
        if (e.annualRate() != null && e.loanId().equals(r.latestLoanId)) {
            r.loanRate = e.annualRate();
        }
        if ("PAYMENT_EXTENSION".equals(e.modificationType())) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
            r.delinquentSince = null;
        }
    }

    public static void loanClosed(CustomerState s, Payloads.LoanClosed e) {
        CustomerRisk r = s.risk;
        r.activeLoans = Math.max(0, r.activeLoans - 1);
        advance(r, e.closedOn());
        if (e.loanId().equals(r.latestLoanId)) {
            r.daysPastDue = 0;
            r.consecutiveMissed = 0;
            r.delinquentSince = null;
            r.loanRate = null;
        }
    }

    public static void tierChanged(CustomerState s, Payloads.TierChanged e) {
        s.risk.tier = e.newTier();
    }

    public static void gradeChanged(CustomerState s, Payloads.GradeChanged e) {
        s.risk.grade = e.newGrade();
    }

    private static void advance(CustomerRisk r, LocalDate date) {
        if (date != null && (r.asOf == null || date.isAfter(r.asOf))) {
            r.asOf = date;
        }
    }

    static BigDecimal probability(double p) {
        return BigDecimal.valueOf(p).setScale(6, RoundingMode.HALF_UP);
    }
}
