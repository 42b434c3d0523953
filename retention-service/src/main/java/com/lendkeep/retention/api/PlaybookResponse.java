package com.lendkeep.retention.api;

import java.time.Instant;
import java.util.List;

import com.lendkeep.retention.rules.PlaybookRule;

public record PlaybookResponse(int version, Instant changedAt, String changedBy, List<PlaybookRule> rules) {
}
