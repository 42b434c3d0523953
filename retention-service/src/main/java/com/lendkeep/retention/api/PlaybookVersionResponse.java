package com.lendkeep.retention.api;

import java.time.Instant;
import java.util.List;

import com.lendkeep.retention.rules.PlaybookRule;

/** One playbook version: who changed what and when; {@code rules} (the whole set after the change) only for one version. */
public record PlaybookVersionResponse(int version, Instant changedAt, String changedBy, String action, String ruleId,
        PlaybookRule before, PlaybookRule after, String comment, List<PlaybookRule> rules) {
}
