package com.lendkeep.loan.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an application is rejected or withdrawn, or a modification request rejected. */
@Schema(name = "LoanDecisionRequest", description = "The reason for rejecting or withdrawing an application or a modification request")
public record DecisionRequest(@Schema(example = "found a cheaper offer") @NotBlank @Size(max = 500) String reason) {
}
