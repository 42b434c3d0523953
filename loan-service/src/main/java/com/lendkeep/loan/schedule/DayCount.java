package com.lendkeep.loan.schedule;

import java.time.LocalDate;

/** 30E/360 (Eurobond basis): every month has 30 days, the 31st counts as the 30th. */
public final class DayCount {
    private DayCount() {
    }

    public static int days30E360(LocalDate from, LocalDate to) {
        int d1 = Math.min(from.getDayOfMonth(), 30);
        int d2 = Math.min(to.getDayOfMonth(), 30);
        return (to.getYear() - from.getYear()) * 360 + (to.getMonthValue() - from.getMonthValue()) * 30 + (d2 - d1);
    }
}
