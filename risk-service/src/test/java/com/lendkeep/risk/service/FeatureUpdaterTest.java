package com.lendkeep.risk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.model.FeatureVector;
import com.lendkeep.risk.scoring.RiskInputs;
import com.lendkeep.risk.scoring.ScorecardTestSettings;

/** Each feature moves as its events say. */
class FeatureUpdaterTest {

    final UUID loan = UUID.randomUUID();
    final FeatureUpdater updater = new FeatureUpdater(Map.of());

    int dpd(LocalDate on) {
        return RiskInputs.of(s, on, ScorecardTestSettings.SETTINGS, 0.05).daysPastDue();
    }

    double[] vector(LocalDate on) {
        return FeatureVector.compute(s, RiskInputs.of(s, on, ScorecardTestSettings.SETTINGS, 0.05));
    }
    final CustomerState s = new CustomerState(CustomerRisk.fresh(UUID.randomUUID()), List.of(), List.of());

    Payloads.PaymentMissed missed(int installment, LocalDate due, int dpd, int consecutive) {
        return new Payloads.PaymentMissed(loan, installment, due, new BigDecimal("800.00"), dpd, consecutive, new BigDecimal("9000.00"));
    }

    @Test
    void daysPastDueKeepGrowingFromTheOldestMissedDueDate() {
        updater.paymentMissed(s, missed(2, LocalDate.of(2026, 2, 1), 5, 1));
        assertEquals(5, dpd(LocalDate.of(2026, 2, 6)));
        updater.paymentMissed(s, missed(3, LocalDate.of(2026, 3, 1), 5, 2));
        // as of 2026-03-06, the oldest unpaid installment (due 2026-02-01) is 33 days late; 10 days later, 43
        assertEquals(33, dpd(LocalDate.of(2026, 3, 6)));
        assertEquals(43, dpd(LocalDate.of(2026, 3, 16)));
        assertEquals(2, s.loans.get(0).consecutiveMissed);
        assertEquals(2, s.risk.missedTotal);
        assertEquals(LocalDate.of(2026, 3, 6), s.risk.asOf);
        assertEquals(2, s.periods.size());
    }

    @Test
    void aRepaymentCoveringWhatIsDueBringsTheCustomerCurrent() {
        updater.paymentMissed(s, missed(2, LocalDate.of(2026, 2, 1), 5, 1));
        updater.repaymentReceived(s, new Payloads.RepaymentReceived(loan, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 1),
                new BigDecimal("800.00"), new BigDecimal("800.00"), 9, false, new BigDecimal("8300.00"), null, new BigDecimal("50.00")));
        assertEquals(0, dpd(LocalDate.of(2026, 2, 10)));
        assertEquals(0, s.loans.get(0).consecutiveMissed);
        assertNull(s.loans.get(0).delinquentSince);
        assertEquals(1, s.risk.paymentsTotal);
        assertEquals(0, s.risk.paymentsOnTime);
        assertEquals(9, s.risk.maxDaysPastDue);
        assertEquals(1, s.periods.size(), "the missed and the late payment are the same period");
        assertEquals(new BigDecimal("800.00"), s.periods.get(0).amountPaid);
    }

    @Test
    void aPartialLatePaymentLeavesTheCustomerDelinquent() {
        updater.paymentMissed(s, missed(2, LocalDate.of(2026, 2, 1), 5, 1));
        updater.repaymentReceived(s, new Payloads.RepaymentReceived(loan, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 1),
                new BigDecimal("800.00"), new BigDecimal("100.00"), 9, false, new BigDecimal("8900.00"), null, null));
        assertEquals(9, s.loans.get(0).daysPastDue);
        assertEquals(1, s.loans.get(0).consecutiveMissed);
        assertEquals(new BigDecimal("0.1250"), s.risk.lastPaymentRatio);
    }

    @Test
    void contactsCountByTopicAndLowSatisfaction() {
        for (String topic : List.of("PAYOFF_INQUIRY", "PAYOFF_INQUIRY", "COMPETITOR_OFFER", "RATE_COMPLAINT", "HARDSHIP", "SERVICE_COMPLAINT", "GENERAL")) {
            updater.contactLogged(s, new Payloads.ContactLogged(UUID.randomUUID(), "CALL", topic, "PHONE", 2, null, LocalDate.of(2027, 1, 5)));
        }
        CustomerRisk r = s.risk;
        assertEquals(2, r.payoffInquiries);
        assertEquals(1, r.competitorMentions);
        assertEquals(1, r.rateComplaints);
        assertEquals(1, r.hardshipContacts);
        assertEquals(1, r.complaints);
        assertEquals(7, r.lowSatisfaction);
        assertEquals(2, s.signals.count("payoff-inquiries"));
        assertEquals(2.0, s.signals.value("payoff-inquiries", LocalDate.of(2027, 1, 5), 60), 1e-12);
        assertEquals(1.0, s.signals.value("payoff-inquiries", LocalDate.of(2027, 3, 6), 60), 1e-12, "halved after 60 days");
    }

    @Test
    void creditScoreFallOverNinetyDays() {
        updater.creditScoreChanged(s, new Payloads.CreditScoreChanged("EXPERIAN", null, 720, null, LocalDate.of(2026, 1, 1)));
        updater.creditScoreChanged(s, new Payloads.CreditScoreChanged("EXPERIAN", 720, 700, -20, LocalDate.of(2026, 2, 1)));
        updater.creditScoreChanged(s, new Payloads.CreditScoreChanged("EXPERIAN", 700, 635, -65, LocalDate.of(2026, 3, 15)));
        assertEquals(-65, s.risk.creditScoreChange);
        double[] f = vector(LocalDate.of(2026, 3, 15));
        // highest in the 90 days before 2026-03-15 is 720 (2026-01-01 is 73 days before): fell 85 points
        assertEquals(85 / 50.0, f[FeatureVector.NAMES.indexOf("credit_score_drop_90d")], 1e-9);
    }

    @Test
    void loanEventsMoveRateForbearanceAndRecovery() {
        updater.loanOpened(s, new Payloads.LoanOpened(loan, new BigDecimal("10000"), new BigDecimal("0.099"), 36,
                LocalDate.of(2026, 1, 1), new BigDecimal("322.19")));
        updater.paymentMissed(s, missed(1, LocalDate.of(2026, 2, 1), 5, 1));
        updater.loanModified(s, new Payloads.LoanModified(loan, "PAYMENT_EXTENSION", UUID.randomUUID(), 2, "deferred",
                LocalDate.of(2028, 2, 6), List.of(), new BigDecimal("0.045")));
        assertEquals(0, dpd(LocalDate.of(2026, 3, 1)));
        assertEquals(LocalDate.of(2028, 2, 6), s.risk.forbearanceUntil);
        assertEquals(new BigDecimal("0.045"), s.risk.loanRate);
        updater.loanClosed(s, new Payloads.LoanClosed(loan, "PREPAID", LocalDate.of(2026, 6, 1), BigDecimal.ZERO, BigDecimal.ZERO));
        assertEquals(0, s.risk.activeLoans);
        assertNull(s.risk.loanRate);
    }

    @Test
    void theVectorUsesTheLatestSixPeriodsOldestFirstPaddingOlderOnes() {
        for (int m = 1; m <= 8; m++) {
            int dpd = m == 8 ? 60 : 0;
            updater.repaymentReceived(s, new Payloads.RepaymentReceived(loan, LocalDate.of(2025, m, 1), LocalDate.of(2025, m, 1),
                    new BigDecimal("1000"), new BigDecimal(m == 8 ? "0" : "1000"), dpd, dpd == 0, new BigDecimal("5000"),
                    new BigDecimal("10000"), null));
        }
        double[] f = vector(LocalDate.of(2025, 8, 1));
        assertEquals(2.0, f[FeatureVector.NAMES.indexOf("dpd_latest_months")], 1e-9);
        assertEquals(1.0, f[FeatureVector.NAMES.indexOf("months_delinquent")], 1e-9);
        assertEquals(1.0, f[FeatureVector.NAMES.indexOf("months_without_payment")], 1e-9);
        assertEquals(0.1, f[FeatureVector.NAMES.indexOf("utilisation_latest")], 1e-9);
        assertEquals(Math.log1p(10000), f[FeatureVector.NAMES.indexOf("log_credit_limit")], 1e-9);
        CustomerState fresh = new CustomerState(CustomerRisk.fresh(UUID.randomUUID()), List.of(), List.of());
        double[] empty = FeatureVector.compute(fresh, RiskInputs.of(fresh, LocalDate.of(2025, 8, 1), ScorecardTestSettings.SETTINGS, 0.05));
        assertEquals(1.0, empty[FeatureVector.NAMES.indexOf("paid_to_due_average")], 1e-9, "nothing due counts as fully paid");
    }
}
