package com.lendkeep.customer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.CustomerType;
import com.lendkeep.customer.domain.Grade;
import com.lendkeep.customer.domain.LifecycleStage;
import com.lendkeep.customer.domain.RelationshipDepth;
import com.lendkeep.customer.domain.Tier;

/**
 * One line of a customer list: who, whose, and the four derived values. Contact details, national
 * id and the reasons behind each value are on {@code GET /customers/{id}}: a list of thousands
 * carries neither personal data it does not need nor kilobytes of explanation per line.
 */
@Schema(description = "A customer in a list: identity essentials and the derived values (reasons: GET /customers/{id}).")
public record CustomerSummary(UUID id, String externalRef, CustomerType type, String fullName, String industry,
        String relationshipManager, LocalDate relationshipSince, Tier tier, Grade grade, RelationshipDepth relationshipDepth,
        LifecycleStage lifecycleStage, boolean erased, Instant createdAt, Instant updatedAt, long version) {
}
