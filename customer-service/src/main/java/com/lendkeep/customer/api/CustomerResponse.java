package com.lendkeep.customer.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.customer.domain.CustomerType;

public record CustomerResponse(UUID id, String externalRef, CustomerType type, String fullName, String nationalId,
        String email, String phone, String industry, BigDecimal annualIncome, LocalDate relationshipSince,
        String relationshipManager, Instant createdAt, Instant updatedAt) {
}
