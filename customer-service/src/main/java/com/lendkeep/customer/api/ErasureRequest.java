package com.lendkeep.customer.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param force       erase although the retention rules say to keep the data; needs the privacy-officer role
 * @param forceReason why, recorded with the erasure (required with force)
 */
@Schema(description = "A right-to-erasure request; the user accountable for it is the token's.")
public record ErasureRequest(
        @Schema(description = "Reference of the data-subject request in the lender's case system", example = "DSR-2026-0042")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]*", message = "must be a reference (letters, digits, '.', '_', '/', '-')")
        String requestReference,
        @Schema(description = "Erase although money is owed or the retention period runs; privacy-officer role only, with forceReason",
                defaultValue = "false", example = "false")
        Boolean force,
        @Schema(description = "Why the retention rules are overridden (required with force); kept with the erasure for audit",
                example = "court order 2027/118") @Size(max = 500) String forceReason) {

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
