package com.lendkeep.retention.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ExpiryRun(Instant asOf, int expired, List<UUID> interventionIds) {
}
