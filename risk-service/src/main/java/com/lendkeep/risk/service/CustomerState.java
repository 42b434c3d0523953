package com.lendkeep.risk.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RepaymentPeriod;

/** One customer's risk row with its repayment periods and score points, as events change them. */
public final class CustomerState {
    public final CustomerRisk risk;
    public final List<RepaymentPeriod> periods;
    public final List<CreditScorePoint> scores;
    final List<Object> created = new ArrayList<>();

    public CustomerState(CustomerRisk risk, List<RepaymentPeriod> periods, List<CreditScorePoint> scores) {
        this.risk = risk;
        this.periods = new ArrayList<>(periods);
        this.scores = new ArrayList<>(scores);
    }

    /** The period of {@code loanId} due on {@code date}, created if new. */
    public RepaymentPeriod period(UUID loanId, LocalDate date) {
        for (RepaymentPeriod p : periods) {
            if (p.loanId.equals(loanId) && p.periodDate.equals(date)) {
                return p;
            }
        }
        RepaymentPeriod p = new RepaymentPeriod();
        p.customerId = risk.customerId;
        p.loanId = loanId;
        p.periodDate = date;
        periods.add(p);
        created.add(p);
        return p;
    }

    public void score(LocalDate date, int value) {
        for (CreditScorePoint s : scores) {
            if (s.scoreDate.equals(date)) {
                s.score = value;
                return;
            }
        }
        CreditScorePoint s = new CreditScorePoint();
        s.customerId = risk.customerId;
        s.scoreDate = date;
        s.score = value;
        scores.add(s);
        created.add(s);
    }
}
