package com.lendkeep.risk.domain;

import java.time.LocalDate;
import java.util.UUID;

/** One bureau's score of a customer on a date: a {@code credit_score_point} row, in plain JDBC like {@link CustomerRisk}. */
public class CreditScorePoint {
    public UUID customerId;
    /** Scores of different bureaus are on different scales and never compared. */
    public String bureau;
    public LocalDate scoreDate;
    public int score;
}
