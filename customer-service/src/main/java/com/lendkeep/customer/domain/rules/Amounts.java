package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How amounts and ratios read in reasons: "2,400,000", "1,999,999.99", "35%". */
final class Amounts {
    private Amounts() {
    }

    static String format(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    static String percent(BigDecimal ratio) {
        // rounded down, so that a coverage just under a threshold never reads as equal to it
        return format(ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.DOWN)) + "%";
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
