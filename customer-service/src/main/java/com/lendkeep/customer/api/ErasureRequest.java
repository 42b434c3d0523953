package com.lendkeep.customer.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A right-to-erasure request; the user accountable for it is the token's.")
public record ErasureRequest(
        @Schema(description = "Reference of the data-subject request in the lender's case system", example = "DSR-2026-0042")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]*", message = "must be a reference (letters, digits, '.', '_', '/', '-')")
        String requestReference) {
}
