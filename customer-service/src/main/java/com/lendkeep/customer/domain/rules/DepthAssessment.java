package com.lendkeep.customer.domain.rules;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.RelationshipDepth;

@Schema(description = "Relationship depth from points for tenure, products, contact frequency and repeat borrowing.")
public record DepthAssessment(RelationshipDepth value, int points, String rule, List<String> reasons, Inputs inputs) {

    /**
     * @param tenureYears  full years since the relationship started
     * @param productsHeld active loans
     * @param loansEver    loans ever held, closed ones included
     */
    public record Inputs(int tenureYears, int productsHeld, int contactsLast12Months, int loansEver) {
    }
}
