package com.lendkeep.loan.api;

import java.time.LocalDate;

/**
 * @param missedPayments installments that became overdue during this advance
 */
public record BusinessDateResponse(LocalDate date, int missedPayments) {
}
