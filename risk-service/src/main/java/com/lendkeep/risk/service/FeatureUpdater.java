package com.lendkeep.risk.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.RepaymentPeriod;
import com.lendkeep.risk.domain.Signal;

/**
 * How each event changes a customer's risk state (docs/risk-model.md). Pure: no I/O. Arrears are
 * kept per loan; decaying signals are added on the event's own date.
 */
public final class FeatureUpdater {

    private final Map<String, Double> halfLifeDays;

    public FeatureUpdater(Map<String, Double> halfLifeDays) {
        this.halfLifeDays = halfLifeDays;
    }

    /** A missed installment makes its loan delinquent from its due date; days past due grow with the business date. */
    public void paymentMissed(CustomerState s, Payloads.PaymentMissed e) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        RepaymentPeriod p = s.period(e.loanId(), e.dueDate());
        p.daysPastDue = Math.max(p.daysPastDue, e.daysPastDue());
        p.amountDue = p.amountDue.max(e.amountDue());
        p.outstanding = e.outstanding();
        advance(r, e.dueDate().plusDays(e.daysPastDue()));
        LoanState loan = s.loan(e.loanId());
        if (loan.delinquentSince == null || e.dueDate().isBefore(loan.delinquentSince)) {
            loan.delinquentSince = e.dueDate();
        }
        loan.daysPastDue = Math.max(loan.daysPastDue, e.daysPastDue());
        loan.consecutiveMissed = Math.max(loan.consecutiveMissed, e.consecutiveMissed());
        r.missedTotal++;
    }

    /**
     * A repayment that covers what was due brings its loan current (and only its loan); a partial
     * one does not. The part that repaid principal ahead of schedule is a voluntary signal.
     */
    public void repaymentReceived(CustomerState s, Payloads.RepaymentReceived e) {
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
        LoanState loan = s.loan(e.loanId());
        if (e.amountPaid().compareTo(e.amountDue()) >= 0) {
            loan.bringCurrent();
        } else if (e.daysPastDue() > 0) {
            loan.daysPastDue = Math.max(loan.daysPastDue, e.daysPastDue());
            loan.consecutiveMissed = Math.max(loan.consecutiveMissed, 1);
        }
        BigDecimal prepaid = e.principalPrepaid();
        if (prepaid != null && prepaid.signum() > 0) {
            double before = e.outstanding().add(prepaid).doubleValue();
            add(s, Signal.PREPAID_SHARE, prepaid.doubleValue() / before, e.paidOn());
        }
    }

    /** A bounced repayment: its loan owes again, as late as loan-service says. */
    public void repaymentReversed(CustomerState s, Payloads.RepaymentReversed e) {
        advance(s.risk, e.reversedOn());
        LoanState loan = s.loan(e.loanId());
        loan.daysPastDue = e.daysPastDue();
        if (e.daysPastDue() > 0) {
            LocalDate since = e.reversedOn().minusDays(e.daysPastDue());
            loan.delinquentSince = loan.delinquentSince == null || since.isBefore(loan.delinquentSince) ? since : loan.delinquentSince;
            loan.consecutiveMissed = Math.max(loan.consecutiveMissed, 1);
        }
    }

    public void delinquencyChanged(CustomerState s, Payloads.DelinquencyChanged e, LocalDate businessDate) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        r.maxDaysPastDue = Math.max(r.maxDaysPastDue, e.daysPastDue());
        LoanState loan = s.loan(e.loanId());
        if (e.newBucket() == null || e.daysPastDue() == 0) {
            loan.bringCurrent();
            return;
        }
        loan.daysPastDue = e.daysPastDue();
        if (businessDate != null) {
            loan.delinquentSince = businessDate.minusDays(e.daysPastDue());
        }
    }

    /** Kept per bureau: the change is against the same bureau's previous score, never another's. */
    public void creditScoreChanged(CustomerState s, Payloads.CreditScoreChanged e) {
        CustomerRisk r = s.risk;
        Integer previous = s.score(e.bureau(), e.scoreDate(), e.newScore());
        r.creditScoreChange = previous == null ? 0 : e.newScore() - previous;
        r.creditScore = e.newScore();
    }

    public void contactLogged(CustomerState s, Payloads.ContactLogged e) {
        CustomerRisk r = s.risk;
        LocalDate on = e.contactDate();
        switch (e.topic()) {
            case "PAYOFF_INQUIRY" -> {
                r.payoffInquiries++;
                add(s, Signal.PAYOFF_INQUIRIES, 1, on);
            }
            case "COMPETITOR_OFFER" -> {
                r.competitorMentions++;
                add(s, Signal.COMPETITOR_MENTIONS, 1, on);
            }
            case "RATE_COMPLAINT" -> {
                r.rateComplaints++;
                add(s, Signal.RATE_COMPLAINTS, 1, on);
            }
            case "HARDSHIP" -> {
                r.hardshipContacts++;
                add(s, Signal.HARDSHIP, 1, on);
            }
            case "SERVICE_COMPLAINT" -> {
                r.complaints++;
                add(s, Signal.SERVICE_COMPLAINTS, 1, on);
            }
            default -> {
                // GENERAL and any future topic: no feature
            }
        }
        if (e.satisfaction() != null && e.satisfaction() <= 2) {
            r.lowSatisfaction++;
            add(s, Signal.LOW_SATISFACTION, 1, on);
        }
    }

    public void payoffQuoted(CustomerState s, Payloads.PayoffQuoted e) {
        s.risk.latestLoanId = e.loanId();
        add(s, Signal.PAYOFF_QUOTES, 1, e.quoteDate());
    }

    public void loanOpened(CustomerState s, Payloads.LoanOpened e) {
        CustomerRisk r = s.risk;
        r.latestLoanId = e.loanId();
        LoanState loan = s.loan(e.loanId());
        loan.annualRate = e.annualRate();
        loan.maturityDate = e.startDate().plusMonths(e.termMonths());
        r.activeLoans = s.loans.size();
        r.loanRate = e.annualRate();
        advance(r, e.startDate());
    }

    /** An extension re-ages the loan's overdue installments: that loan is current again, and watched. */
    public void loanModified(CustomerState s, Payloads.LoanModified e) {
        CustomerRisk r = s.risk;
        LoanState loan = s.loan(e.loanId());
        if (e.forbearanceUntil() != null) {
            loan.forbearanceUntil = e.forbearanceUntil();
            r.forbearanceUntil = r.forbearanceUntil == null || e.forbearanceUntil().isAfter(r.forbearanceUntil) ? e.forbearanceUntil()
                    : r.forbearanceUntil;
        }
        if (e.annualRate() != null) {
            loan.annualRate = e.annualRate();
            if (e.loanId().equals(r.latestLoanId)) {
                r.loanRate = e.annualRate();
            }
        }
        List<LocalDate> remaining = e.remainingDueDates();
        if (remaining != null && !remaining.isEmpty()) {
            loan.maturityDate = remaining.stream().max(LocalDate::compareTo).orElseThrow();
        }
        if ("PAYMENT_EXTENSION".equals(e.modificationType())) {
            loan.bringCurrent();
        }
        r.activeLoans = s.loans.size();
    }

    public void loanClosed(CustomerState s, Payloads.LoanClosed e) {
        CustomerRisk r = s.risk;
        s.closeLoan(e.loanId());
        r.activeLoans = s.loans.size();
        advance(r, e.closedOn());
        if (e.loanId().equals(r.latestLoanId)) {
            r.loanRate = null;
        }
    }

    public void tierChanged(CustomerState s, Payloads.TierChanged e) {
        s.risk.tier = e.newTier();
    }

    public void gradeChanged(CustomerState s, Payloads.GradeChanged e) {
        s.risk.grade = e.newGrade();
    }

    private void add(CustomerState s, Signal signal, double amount, LocalDate on) {
        s.signals.add(signal.key(), amount, on, signal.halfLifeDays(halfLifeDays));
        advance(s.risk, on);
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
