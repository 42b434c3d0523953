package com.lendkeep.customer.domain.rules;

import java.util.ArrayList;
import java.util.List;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.RelationshipDepth;

/**
 * Points: tenure (2 from {@code long-tenure-years}, 1 from {@code medium-tenure-years}), products
 * held (1 from {@code multi-product}), contacts in the last 12 months (1 from
 * {@code frequent-contacts}), repeat borrowing (1 from {@code repeat-loans} loans ever). DEEP from
 * {@code deep-points}, MODERATE from {@code moderate-points}, else SHALLOW.
 */
public final class DepthRule {

    private final CustomerConfig.Depth config;

    public DepthRule(CustomerConfig.Depth config) {
        this.config = config;
    }

    public DepthAssessment evaluate(CustomerFacts facts) {
        DepthAssessment.Inputs in = new DepthAssessment.Inputs(facts.tenureYears(), facts.activeLoans(),
                facts.contactsLast12Months(), facts.loansEver());
        List<String> reasons = new ArrayList<>();
        int points = 0;

        int tenure;
        if (in.tenureYears() >= config.longTenureYears()) {
            tenure = 2;
            reasons.add("tenure " + years(in.tenureYears()) + " >= " + config.longTenureYears() + ": +2");
        } else if (in.tenureYears() >= config.mediumTenureYears()) {
            tenure = 1;
            reasons.add("tenure " + years(in.tenureYears()) + " >= " + config.mediumTenureYears() + ": +1");
        } else {
            tenure = 0;
            reasons.add("tenure " + years(in.tenureYears()) + " < " + config.mediumTenureYears() + ": +0");
        }
        points += tenure;
        points += point(reasons, "products held", in.productsHeld(), config.multiProduct());
        points += point(reasons, "contacts in the last 12 months", in.contactsLast12Months(), config.frequentContacts());
        points += point(reasons, "loans ever (repeat borrowing)", in.loansEver(), config.repeatLoans());

        RelationshipDepth depth;
        String rule;
        if (points >= config.deepPoints()) {
            depth = RelationshipDepth.DEEP;
            rule = "DEEP: " + points + " points >= " + config.deepPoints();
        } else if (points >= config.moderatePoints()) {
            depth = RelationshipDepth.MODERATE;
            rule = "MODERATE: " + points + " points >= " + config.moderatePoints() + " (< " + config.deepPoints() + ")";
        } else {
            depth = RelationshipDepth.SHALLOW;
            rule = "SHALLOW: " + points + " points < " + config.moderatePoints();
        }
        return new DepthAssessment(depth, points, rule, reasons, in);
    }

    private static int point(List<String> reasons, String name, int value, int threshold) {
        boolean met = value >= threshold;
        reasons.add(name + " " + value + (met ? " >= " : " < ") + threshold + (met ? ": +1" : ": +0"));
        return met ? 1 : 0;
    }

    private static String years(int years) {
        return years + (years == 1 ? " year" : " years");
    }
}
