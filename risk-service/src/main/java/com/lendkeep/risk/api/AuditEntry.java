package com.lendkeep.risk.api;

import java.time.Instant;

public record AuditEntry(long id, Instant at, String actor, String action, String version, String detail) {
}
