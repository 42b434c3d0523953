package com.lendkeep.platform.security;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import com.lendkeep.platform.rest.ApiException;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated user of the current request, as the audit trail records them: the token's
 * {@code upn}, else {@code preferred_username}, else {@code sub} (SmallRye JWT's principal name).
 * Nobody names themselves in a header or a body field any more.
 */
@RequestScoped
public class CurrentUser {

    /** Automatic decisions are recorded under these names; no person may act under them. */
    private static final Set<String> RESERVED = Set.of("system", "loan-service", "retention-service",
            "risk-service", "customer-service");
    private static final Pattern USABLE = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The user's name; only called from operations that require a role, so never anonymous. */
    public String name() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException("no bearer token");
        }
        String name = identity.getPrincipal().getName();
        if (name == null || !USABLE.matcher(name).matches()) {
            throw ApiException.forbidden("the token's user name (upn, preferred_username or sub) must be 1..100 letters, digits or . _ @ + -");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw ApiException.forbidden("the user name '" + name + "' is reserved for automatic decisions");
        }
        return name;
    }
}
