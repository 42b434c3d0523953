package com.lendkeep.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.TaskStatus;

public record TaskResponse(UUID id, UUID interventionId, UUID customerId, InterventionKind kind, String owner, LocalDate dueDate,
        Instant dueAt, boolean overdue, Instant overdueAt, TaskStatus status, Instant createdAt, Instant closedAt, String closedBy, String note) {
}
