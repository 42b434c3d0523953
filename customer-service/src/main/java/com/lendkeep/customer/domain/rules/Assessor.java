package com.lendkeep.customer.domain.rules;

import com.lendkeep.customer.config.CustomerConfig;

/** Runs the four rules on one set of facts. Pure: the same facts and configuration give the same result. */
public final class Assessor {

    private final TierRule tier;
    private final GradeRule grade;
    private final DepthRule depth;
    private final StageRule stage;

    public Assessor(CustomerConfig config) {
        this.tier = new TierRule(config.tier());
        this.grade = new GradeRule(config.grade(), config.industry());
        this.depth = new DepthRule(config.depth());
        this.stage = new StageRule(config.stage());
    }

    public CustomerAssessment assess(CustomerFacts facts) {
        return new CustomerAssessment(facts.asOf(), tier.evaluate(facts), grade.evaluate(facts), depth.evaluate(facts),
                stage.evaluate(facts));
    }
}
