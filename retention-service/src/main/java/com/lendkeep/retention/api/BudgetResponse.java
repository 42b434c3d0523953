package com.lendkeep.retention.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** @param committed estimated cost of the period's interventions that are proposed, approved, offered, blocked, accepted or applied */
public record BudgetResponse(String period, LocalDate from, LocalDate to, BigDecimal limit, BigDecimal committed, BigDecimal remaining,
        BigDecimal approvalThreshold) {
}
