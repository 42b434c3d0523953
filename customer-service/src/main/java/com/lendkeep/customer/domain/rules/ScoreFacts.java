package com.lendkeep.customer.domain.rules;

import java.time.LocalDate;

/** The customer's latest credit-bureau score. */
public record ScoreFacts(int score, String bureau, LocalDate scoreDate) {
}
