package com.lendkeep.retention.rules;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.lendkeep.retention.domain.InterventionKind;

/**
 * One playbook rule: when an alert and its customer match {@code when}, {@code propose} is a
 * candidate intervention. Rules are tried in {@code priority} order (lowest first). A value object
 * shared by the API and the rule engine; stored as JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A playbook rule: conditions on the alert and the customer, and the intervention it proposes")
public record PlaybookRule(
        @Schema(description = "Stable id, lower case with dashes", example = "involuntary-payment-extension") String id,
        @Schema(example = "Missed payments: defer three installments") String description,
        @Schema(description = "Lower is tried first; decides which loan-terms intervention an alert gets", example = "20") Integer priority,
        @Schema(description = "Disabled rules are kept but never match", example = "true") Boolean enabled,
        Conditions when,
        Action propose) {

    /** Every list is "any of"; a missing or empty list means no condition. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Conditions(
            @Schema(example = "[\"INVOLUNTARY\"]") List<String> churnTypes,
            @Schema(example = "[\"MEDIUM\", \"HIGH\", \"CRITICAL\"]") List<String> levels,
            @Schema(description = "Matches when any alert reason contains any of these words (case-insensitive)",
                    example = "[\"hardship\"]") List<String> reasonsAny,
            @Schema(description = "Customer tiers (TIER_CHANGED); a customer without a tier does not match", example = "[\"GOLD\"]") List<String> tiers,
            @Schema(description = "Customer grades (GRADE_CHANGED); a customer without a grade does not match") List<String> grades,
            List<LoanState> loanStates,
            @Schema(description = "The alert's score must be at least this", example = "0.5") BigDecimal minScore) {

        public static Conditions none() {
            return new Conditions(null, null, null, null, null, null, null);
        }
    }

    /** The intervention and its terms. Which terms apply depends on the kind (docs/retention.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(
            InterventionKind kind,
            @Schema(description = "PAYMENT_EXTENSION: months to defer, 1..24") Integer extensionMonths,
            @Schema(description = "PAYMENT_HOLIDAY: months without installments, 1..12") Integer holidayMonths,
            @Schema(description = "Rate kinds and RESTRUCTURING: the new annual rate (fraction)") BigDecimal newAnnualRate,
            @Schema(description = "Rate kinds and RESTRUCTURING: points off the loan's rate (0.01 = 1 point)") BigDecimal rateReduction,
            @Schema(description = "With rateReduction: the rate never goes below this") BigDecimal minAnnualRate,
            @Schema(description = "RESTRUCTURING: installments left after the change") Integer newTermMonths,
            @Schema(description = "RESTRUCTURING: installments added to those left") Integer termExtensionMonths,
            @Schema(description = "FEE_WAIVER: the fee waived") BigDecimal feeWaived,
            @Schema(description = "Any kind: a fixed cost (handling, staff time), added to the estimated cost") BigDecimal fixedCost,
            @Schema(description = "Expected relative drop of the churn probability, 0..1 (0.3 = 30 % less likely to churn)")
            BigDecimal churnReduction) {
    }
}
