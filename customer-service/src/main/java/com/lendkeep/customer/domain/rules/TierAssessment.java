package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.Tier;

/**
 * @param rule    the rule that decided, e.g. "GOLD: exposure 2,400,000 >= 2,000,000"
 * @param reasons every comparison made, in the order the rule makes them
 */
@Schema(description = "Tier by contribution, with the rule that produced it and its inputs.")
public record TierAssessment(Tier value, String rule, List<String> reasons, Inputs inputs) {

    /**
     * @param exposure      outstanding of the performing loans (active, under the non-performing days past due)
     * @param totalBorrowed borrowed on loans repaid or still performing (charged-off and non-performing loans left out)
     * @param lifetimeValue interest to date plus the expected interest of the performing loans (README: lifetime value)
     * @param products      performing active loans
     */
    public record Inputs(BigDecimal exposure, BigDecimal totalBorrowed, BigDecimal interestIncome, BigDecimal lifetimeValue,
            int products) {
    }
}
