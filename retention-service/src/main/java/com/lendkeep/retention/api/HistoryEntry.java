package com.lendkeep.retention.api;

import java.time.Instant;

import com.lendkeep.retention.domain.InterventionStatus;

public record HistoryEntry(InterventionStatus fromStatus, InterventionStatus toStatus, String actor, Instant at, String detail) {
}
