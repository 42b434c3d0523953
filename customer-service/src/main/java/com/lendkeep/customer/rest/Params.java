package com.lendkeep.customer.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import com.lendkeep.platform.rest.ApiException;

/**
 * Query and header values read by hand: JAX-RS answers a query parameter it cannot convert with a
 * bare 404, where the caller needs a 400 naming the parameter.
 */
final class Params {
    private Params() {
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest(name, name + " must be from " + min + " to " + max + ", was " + parsed);
        }
        return parsed;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " must be a UUID");
        }
    }

    static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.badRequest(name, name + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }
}
