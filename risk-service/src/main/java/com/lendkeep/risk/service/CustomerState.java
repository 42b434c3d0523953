package com.lendkeep.risk.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RepaymentPeriod;

/**
 * One customer's risk row with its repayment periods and score points, as events change them. It
 * remembers which periods and points the events created or changed, so that only those are written back.
 */
public final class CustomerState {
    public final CustomerRisk risk;
    public final List<RepaymentPeriod> periods;
    public final List<CreditScorePoint> scores;
    private final Set<RepaymentPeriod> changedPeriods = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<CreditScorePoint> changedScores = Collections.newSetFromMap(new IdentityHashMap<>());

    public CustomerState(CustomerRisk risk, List<RepaymentPeriod> periods, List<CreditScorePoint> scores) {
        this.risk = risk;
        this.periods = new ArrayList<>(periods);
        this.scores = new ArrayList<>(scores);
    }

    /** The period of {@code loanId} due on {@code date}, created if new; the caller changes it. */
    public RepaymentPeriod period(UUID loanId, LocalDate date) {
        for (RepaymentPeriod p : periods) {
            if (p.loanId.equals(loanId) && p.periodDate.equals(date)) {
                changedPeriods.add(p);
                return p;
            }
        }
        RepaymentPeriod p = new RepaymentPeriod();
        p.customerId = risk.customerId;
        p.loanId = loanId;
        p.periodDate = date;
        periods.add(p);
        changedPeriods.add(p);
        return p;
    }

    public void score(LocalDate date, int value) {
        for (CreditScorePoint s : scores) {
            if (s.scoreDate.equals(date)) {
                s.score = value;
                changedScores.add(s);
                return;
            }
        }
        CreditScorePoint s = new CreditScorePoint();
        s.customerId = risk.customerId;
        s.scoreDate = date;
        s.score = value;
        scores.add(s);
        changedScores.add(s);
    }

    /** Periods created or changed since loaded (or last saved). */
    public Set<RepaymentPeriod> changedPeriods() {
        return changedPeriods;
    }

    /** Credit-score points created or changed since loaded (or last saved). */
    public Set<CreditScorePoint> changedScores() {
        return changedScores;
    }

    public void markSaved() {
        changedPeriods.clear();
        changedScores.clear();
    }
}
