package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.loan.domain.ModificationKind;

/**
 * A modification applied to a loan.
 *
 * @param concession earned interest and fees the customer no longer owes because of it (0.00: everything
 *                   earned stayed owed, deferred or capitalised)
 */
public record ModificationResponse(UUID id, UUID loanId, ModificationKind kind, String details, BigDecimal concession, LocalDate appliedOn,
        UUID interventionId, UUID requestId, String requestedBy, String approvedBy, Instant createdAt) {
}
