package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.domain.RequestStatus;

public record ModificationRequestResponse(UUID id, UUID loanId, ModificationKind kind, Integer extensionMonths, BigDecimal newAnnualRate,
        Integer newTermMonths, BigDecimal newInstallment, LocalDate effectiveFrom, Integer holidayMonths, BigDecimal feeWaived,
        String note, RequestStatus status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
        String decisionReason, UUID modificationId) {
}
