package com.lendkeep.loan.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.platform.rest.ApiException;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who is calling. Until authentication exists (issue 7) the caller names themselves in the
 * {@value #HEADER} header; this class is the one place to swap for the authenticated identity.
 */
@ApplicationScoped
public class Caller {

    public static final String HEADER = "X-User";
    private static final int MAX_LENGTH = 100;

    private final HttpServerRequest request;

    public Caller(HttpServerRequest request) {
        this.request = request;
    }

    /** The caller, if they said who they are. */
    public Optional<String> name() {
        String value = request.getHeader(HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.strip();
        if (name.length() > MAX_LENGTH) {
            throw ApiException.badRequest(HEADER, "header " + HEADER + " is longer than " + MAX_LENGTH + " characters");
        }
        return Optional.of(name);
    }

    /** The caller, required for actions recorded against a person ({@code what} says which). */
    public String require(String what) {
        return name().orElseThrow(() -> ApiException.badRequest(HEADER,
                "header " + HEADER + " must name the user who " + what + " (required until authentication is in place)"));
    }
}
