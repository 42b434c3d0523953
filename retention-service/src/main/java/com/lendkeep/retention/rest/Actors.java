package com.lendkeep.retention.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.lendkeep.platform.rest.ApiException;

/**
 * Who acts on a request. There is no authentication yet: the user comes from the {@code X-User}
 * header or the request's own field (decidedBy, proposedBy, changedBy). This is the one place to
 * replace with the authenticated identity when authentication comes.
 */
public final class Actors {
    private Actors() {
    }

    public static final String HEADER = "X-User";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public static String require(String header, String field, String fieldName) {
        String fromHeader = blankToNull(header);
        String fromField = blankToNull(field);
        if (fromHeader != null && fromField != null && !fromHeader.equals(fromField)) {
            throw ApiException.badRequest(fieldName, "the " + HEADER + " header (" + fromHeader + ") and " + fieldName + " (" + fromField
                    + ") name different users");
        }
        String user = fromHeader != null ? fromHeader : fromField;
        if (user == null) {
            throw ApiException.badRequest(fieldName, fieldName + " is required (or the " + HEADER + " header): who acts");
        }
        if (!USER.matcher(user).matches()) {
            throw ApiException.badRequest(fieldName, fieldName + " must be 1..64 letters, digits, '.', '_', '@' or '-'");
        }
        if ("system".equalsIgnoreCase(user)) {
            throw ApiException.badRequest(fieldName, "'system' is reserved for automatic decisions");
        }
        return user;
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
