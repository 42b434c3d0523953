package com.lendkeep.customer.domain.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.LifecycleStage;

/**
 * The first rule that holds decides:
 * <ol>
 * <li>no loan yet: INITIAL</li>
 * <li>loans, but none active: DECLINE</li>
 * <li>a loan prepaid within {@code prepaid-lookback-months} and no other loan opened since (on the prepayment's day
 * included; the prepaid loan itself never counts, even opened and prepaid the same day): DECLINE</li>
 * <li>tenure under {@code initial-months} and only one loan: INITIAL</li>
 * <li>a loan opened within {@code recent-borrowing-months}, or tenure under {@code mature-years}: GROWTH</li>
 * <li>otherwise: MATURE</li>
 * </ol>
 * "Within N months" includes the day N months ago.
 */
public final class StageRule {

    private final CustomerConfig.Stage config;

    public StageRule(CustomerConfig.Stage config) {
        this.config = config;
    }

    public StageAssessment evaluate(CustomerFacts facts) {
        LocalDate asOf = facts.asOf();
        StageAssessment.Inputs in = new StageAssessment.Inputs(facts.tenureMonths(), facts.loansEver(), facts.activeLoans(),
                facts.lastLoanOpenedOn(), facts.lastLoanClosedOn(), facts.lastPrepaidOn(), facts.borrowedSinceLastPrepayment());
        List<String> reasons = new ArrayList<>();

        if (in.loansEver() == 0) {
            return done(LifecycleStage.INITIAL, "INITIAL: no loan yet", reasons, in);
        }
        reasons.add(in.loansEver() + " loan(s) ever, " + in.activeLoans() + " active");
        if (in.activeLoans() == 0) {
            return done(LifecycleStage.DECLINE, "DECLINE: no active loan"
                    + (in.lastLoanClosedOn() == null ? "" : ", the last closed on " + in.lastLoanClosedOn()), reasons, in);
        }
        LocalDate prepaidSince = asOf.minusMonths(config.prepaidLookbackMonths());
        // not "opened before the prepayment": a loan opened and prepaid the same day is no new borrowing
        if (in.lastPrepaidOn() != null && !in.lastPrepaidOn().isBefore(prepaidSince) && !in.borrowedSinceLastPrepayment()) {
            return done(LifecycleStage.DECLINE, "DECLINE: a loan was prepaid on " + in.lastPrepaidOn() + " (within "
                    + config.prepaidLookbackMonths() + " months) and nothing was borrowed since", reasons, in);
        }
        if (in.lastPrepaidOn() != null) {
            reasons.add("last prepayment on " + in.lastPrepaidOn() + " is older than " + config.prepaidLookbackMonths()
                    + " months or was followed by a new loan");
        }
        if (in.tenureMonths() < config.initialMonths() && in.loansEver() == 1) {
            return done(LifecycleStage.INITIAL, "INITIAL: tenure " + in.tenureMonths() + " months < " + config.initialMonths()
                    + " with a first loan", reasons, in);
        }
        LocalDate recentSince = asOf.minusMonths(config.recentBorrowingMonths());
        if (in.lastLoanOpenedOn() != null && !in.lastLoanOpenedOn().isBefore(recentSince)) {
            return done(LifecycleStage.GROWTH, "GROWTH: a loan opened on " + in.lastLoanOpenedOn() + " (within "
                    + config.recentBorrowingMonths() + " months)", reasons, in);
        }
        long matureMonths = 12L * config.matureYears();
        if (in.tenureMonths() < matureMonths) {
            return done(LifecycleStage.GROWTH, "GROWTH: tenure " + in.tenureMonths() + " months < " + matureMonths, reasons, in);
        }
        return done(LifecycleStage.MATURE, "MATURE: tenure " + in.tenureMonths() + " months >= " + matureMonths
                + ", no new loan within " + config.recentBorrowingMonths() + " months, " + in.activeLoans() + " active loan(s)",
                reasons, in);
    }

    private static StageAssessment done(LifecycleStage stage, String rule, List<String> reasons, StageAssessment.Inputs in) {
        List<String> all = new ArrayList<>(reasons);
        all.add(rule);
        return new StageAssessment(stage, rule, all, in);
    }
}
