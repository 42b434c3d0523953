package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.lendkeep.loan.domain.ModificationKind;

/**
 * A modification to apply, from an accepted intervention or an approved request.
 *
 * @param label how the source named it (LOYALTY_RATE, COMPETITOR_RATE_MATCH...), for the description
 */
public record ModificationCommand(ModificationKind kind, String label, Integer extensionMonths, BigDecimal newAnnualRate,
        Integer newTermMonths, BigDecimal newInstallment, LocalDate effectiveFrom, Integer holidayMonths, BigDecimal feeWaived) {

    public static final BigDecimal MAX_RATE = new BigDecimal("0.5");
}
