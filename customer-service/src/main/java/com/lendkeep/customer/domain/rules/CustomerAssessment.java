package com.lendkeep.customer.domain.rules;

import java.time.LocalDate;

/** The four derived values of one customer, each with its rule and inputs, as of one day. */
public record CustomerAssessment(LocalDate asOf, TierAssessment tier, GradeAssessment grade, DepthAssessment relationshipDepth,
        StageAssessment lifecycleStage) {
}
