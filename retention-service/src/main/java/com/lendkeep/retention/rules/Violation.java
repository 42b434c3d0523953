package com.lendkeep.retention.rules;

/** One invalid field of a rule or request, with what to fix. */
public record Violation(String field, String message) {
}
