package com.lendkeep.customer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param effect NEW_LATEST (a change event was emitted), HISTORICAL (older than the latest score:
 *               kept in the history, no event) or DUPLICATE (already recorded, nothing changed)
 */
public record CreditScoreResponse(UUID id, String bureau, int score, LocalDate scoreDate, Instant receivedAt, String effect) {
}
