package com.lendkeep.retention.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.retention.rules.PlaybookRule;

/**
 * A change to the playbook; who changes it is the token's user.
 *
 * @param expectedVersion the playbook version the change was made against; a different current version answers 409
 */
public record PlaybookChangeRequest(
        @Schema(description = "Why", example = "cheaper extension for small loans") @Size(max = 500) String comment,
        Integer expectedVersion,
        PlaybookRule rule) {
}
