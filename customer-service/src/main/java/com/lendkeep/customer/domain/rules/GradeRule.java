package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.Grade;
import com.lendkeep.customer.domain.VolatilityClass;

/**
 * The latest credit score gives the starting grade (A from {@code a-min-score}, B from
 * {@code b-min-score}, else C; no score on file is C). Then one grade down when the collateral,
 * after its haircut, covers less than {@code min-coverage} of the outstanding exposure, and one
 * grade down when the industry is VOLATILE. Then the customer's own record: arrears of
 * {@code arrears-days-past-due} or more on any loan take one grade off; arrears of
 * {@code severe-arrears-days-past-due} or more, or a loan charged off within
 * {@code charge-off-lookback-years}, give C. C is the floor.
 */
public final class GradeRule {

    private final CustomerConfig.Grade config;
    private final CustomerConfig.Industry industries;

    public GradeRule(CustomerConfig.Grade config, CustomerConfig.Industry industries) {
        this.config = config;
        this.industries = industries;
    }

    /** The configured class of a (normalized) industry; an industry not listed, or none, has the default class. */
    public static VolatilityClass volatility(String industry, CustomerConfig.Industry industries) {
        if (industry == null) {
            return industries.defaultVolatility();
        }
        return industries.volatility().getOrDefault(industry, industries.defaultVolatility());
    }

    /** The customer's own arrears and charge-offs: a score can lag behind what the lender itself has seen. */
    private Grade ownRecord(CustomerFacts facts, Grade grade, List<String> reasons, List<String> downgrades) {
        LocalDate chargedOff = facts.lastChargedOffOn();
        if (chargedOff != null && chargedOff.isAfter(facts.asOf().minusYears(config.chargeOffLookbackYears()))) {
            String step = "a loan was charged off on " + chargedOff + " (within " + config.chargeOffLookbackYears() + " years): C";
            reasons.add(step);
            downgrades.add(step);
            return Grade.C;
        }
        int dpd = facts.maxDaysPastDue();
        if (dpd >= config.severeArrearsDaysPastDue()) {
            String step = "arrears of " + dpd + " days past due >= " + config.severeArrearsDaysPastDue() + ": C";
            reasons.add(step);
            downgrades.add(step);
            return Grade.C;
        }
        if (dpd >= config.arrearsDaysPastDue()) {
            String step = "arrears of " + dpd + " days past due >= " + config.arrearsDaysPastDue() + ": one grade down";
            reasons.add(step);
            downgrades.add(step);
            return grade.down();
        }
        reasons.add(dpd == 0 ? "no arrears and no charge-off on the customer's loans"
                : "arrears of " + dpd + " days past due < " + config.arrearsDaysPastDue() + "; no charge-off");
        return grade;
    }

    public GradeAssessment evaluate(CustomerFacts facts) {
        BigDecimal exposure = Amounts.money(facts.exposure());
        BigDecimal haircut = facts.collateralType() == null ? BigDecimal.ZERO
                : config.collateralHaircut().getOrDefault(facts.collateralType().name(), BigDecimal.ZERO);
        BigDecimal collateral = facts.collateralValue() == null ? BigDecimal.ZERO : facts.collateralValue();
        // compared unrounded, shown rounded: 0.49999 must not pass a 0.50 threshold
        BigDecimal coverage = exposure.signum() == 0 ? null
                : collateral.multiply(BigDecimal.ONE.subtract(haircut)).divide(exposure, MathContext.DECIMAL64);
        VolatilityClass volatility = volatility(facts.industry(), industries);
        ScoreFacts score = facts.latestScore();
        GradeAssessment.Inputs inputs = new GradeAssessment.Inputs(score == null ? null : score.score(),
                score == null ? null : score.bureau(), score == null ? null : score.scoreDate(), exposure,
                facts.collateralType(), facts.collateralValue(), haircut,
                coverage == null ? null : coverage.setScale(4, RoundingMode.HALF_UP), facts.industry(), volatility,
                facts.maxDaysPastDue(), facts.lastChargedOffOn());

        List<String> reasons = new ArrayList<>();
        List<String> downgrades = new ArrayList<>();
        Grade grade;
        String start;
        if (score == null) {
            grade = Grade.C;
            start = "no credit score on file gives C";
        } else if (score.score() >= config.aMinScore()) {
            grade = Grade.A;
            start = "score " + score.score() + " >= " + config.aMinScore() + " gives A";
        } else if (score.score() >= config.bMinScore()) {
            grade = Grade.B;
            start = "score " + score.score() + " >= " + config.bMinScore() + " (< " + config.aMinScore() + ") gives B";
        } else {
            grade = Grade.C;
            start = "score " + score.score() + " < " + config.bMinScore() + " gives C";
        }
        reasons.add(start);

        if (coverage == null) {
            reasons.add("no outstanding exposure: collateral coverage does not apply");
        } else {
            String covers = "collateral covers " + Amounts.percent(coverage) + " of exposure " + Amounts.format(exposure)
                    + (haircut.signum() > 0 ? " after a " + Amounts.percent(haircut) + " haircut" : "");
            if (coverage.compareTo(config.minCoverage()) < 0) {
                String step = covers + " < " + Amounts.percent(config.minCoverage()) + ": one grade down";
                reasons.add(step);
                downgrades.add(step);
                grade = grade.down();
            } else {
                reasons.add(covers + " >= " + Amounts.percent(config.minCoverage()));
            }
        }

        String industry = facts.industry() == null ? "no industry" : "industry " + facts.industry();
        if (volatility == VolatilityClass.VOLATILE) {
            String step = industry + " is VOLATILE: one grade down";
            reasons.add(step);
            downgrades.add(step);
            grade = grade.down();
        } else {
            reasons.add(industry + " is " + volatility);
        }

        grade = ownRecord(facts, grade, reasons, downgrades);

        String rule = grade + ": " + start + (downgrades.isEmpty() ? "" : "; " + String.join("; ", downgrades));
        return new GradeAssessment(grade, rule, reasons, inputs);
    }
}
