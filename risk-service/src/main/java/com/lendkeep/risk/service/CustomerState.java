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
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.RepaymentPeriod;
import com.lendkeep.risk.domain.Signals;

/**
 * One customer's risk row with its repayment periods, score points, active loans and decaying
 * signals, as events change them. It remembers which periods and points the events created or
 * changed, so that only those are written back.
 */
public final class CustomerState {
    public final CustomerRisk risk;
    public final List<RepaymentPeriod> periods;
    public final List<CreditScorePoint> scores;
    /** Active loans only: a closed loan leaves the list. */
    public final List<LoanState> loans;
    public final Signals signals;
    private final Set<RepaymentPeriod> changedPeriods = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<CreditScorePoint> changedScores = Collections.newSetFromMap(new IdentityHashMap<>());

    public CustomerState(CustomerRisk risk, List<RepaymentPeriod> periods, List<CreditScorePoint> scores) {
        this(risk, periods, scores, List.of(), Signals.empty());
    }

    public CustomerState(CustomerRisk risk, List<RepaymentPeriod> periods, List<CreditScorePoint> scores, List<LoanState> loans,
            Signals signals) {
        this.risk = risk;
        this.periods = new ArrayList<>(periods);
        this.scores = new ArrayList<>(scores);
        this.loans = new ArrayList<>(loans);
        this.signals = signals;
    }

    /** The active loan {@code loanId}, added if new. */
    public LoanState loan(UUID loanId) {
        for (LoanState l : loans) {
            if (l.loanId.equals(loanId)) {
                return l;
            }
        }
        LoanState l = LoanState.of(loanId);
        loans.add(l);
        return l;
    }

    public void closeLoan(UUID loanId) {
        loans.removeIf(l -> l.loanId.equals(loanId));
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

    /** Records {@code bureau}'s score on {@code date}; returns that bureau's previous score (before {@code date}), or null. */
    public Integer score(String bureau, LocalDate date, int value) {
        Integer previous = null;
        LocalDate previousDate = null;
        CreditScorePoint same = null;
        for (CreditScorePoint s : scores) {
            if (!s.bureau.equals(bureau)) {
                continue;
            }
            if (s.scoreDate.equals(date)) {
                same = s;
            } else if (s.scoreDate.isBefore(date) && (previousDate == null || s.scoreDate.isAfter(previousDate))) {
                previous = s.score;
                previousDate = s.scoreDate;
            }
        }
        if (same == null) {
            same = new CreditScorePoint();
            same.customerId = risk.customerId;
            same.bureau = bureau;
            same.scoreDate = date;
            scores.add(same);
        }
        same.score = value;
        changedScores.add(same);
        return previous;
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
