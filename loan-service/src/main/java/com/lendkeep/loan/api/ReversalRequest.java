package com.lendkeep.loan.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ReversalRequest(@Schema(example = "direct debit returned: insufficient funds") @NotBlank @Size(max = 500) String reason) {
}
