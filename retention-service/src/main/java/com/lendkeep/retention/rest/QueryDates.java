package com.lendkeep.retention.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.lendkeep.platform.rest.ApiException;

/** Dates and instants in query parameters, read with a clear 400 when malformed. */
public final class QueryDates {
    private QueryDates() {
    }

    /** An optional point in time: an ISO instant, or a date meaning the end of that day (UTC); now when absent. */
    public static Instant asOf(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("asOf", "asOf must be a date (YYYY-MM-DD) or an instant (2027-01-31T12:00:00Z), was " + value);
            }
        }
    }

    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a date YYYY-MM-DD, was " + value);
        }
    }
}
