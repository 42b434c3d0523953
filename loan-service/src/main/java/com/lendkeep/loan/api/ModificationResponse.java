package com.lendkeep.loan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.loan.domain.ModificationKind;

/** A modification applied to a loan. */
public record ModificationResponse(UUID id, UUID loanId, ModificationKind kind, String details, LocalDate appliedOn,
        UUID interventionId, UUID requestId, String requestedBy, String approvedBy, Instant createdAt) {
}
