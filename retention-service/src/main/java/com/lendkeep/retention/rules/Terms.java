package com.lendkeep.retention.rules;

import java.math.BigDecimal;

/** The concrete terms of one intervention, as sent to loan-service (null where they do not apply). */
public record Terms(Integer extensionMonths, Integer holidayMonths, BigDecimal newAnnualRate, Integer newTermMonths,
        BigDecimal feeWaived) {

    public static final Terms NONE = new Terms(null, null, null, null, null);
}
