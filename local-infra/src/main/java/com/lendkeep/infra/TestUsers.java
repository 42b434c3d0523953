package com.lendkeep.infra;

import java.time.Duration;
import java.util.List;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.Header;

/**
 * Bearer tokens for the services' REST tests, signed by {@link SharedTestInfra#jwt()}.
 *
 * <p>{@link #installDefault()} makes every REST Assured request that does not carry its own
 * {@code Authorization} header act as {@value #DEFAULT_USER} with every role, so tests about
 * business rules need not repeat it; tests about who acts send {@link #as(String)} or
 * {@link #as(String, String...)}. Which role may call what is tested against the running services
 * (e2e-tests, OpenApiContractTest).
 */
public final class TestUsers {

    public static final String DEFAULT_USER = "test.user";
    public static final List<String> ALL_ROLES = List.of("core-banking", "advisor", "retention-manager", "risk-analyst", "admin");
    private static final Duration TTL = Duration.ofHours(6);
    private static boolean installed;

    private TestUsers() {
    }

    /** {@code Authorization: Bearer ...} for {@code user} with every role. */
    public static Header as(String user) {
        return as(user, ALL_ROLES.toArray(String[]::new));
    }

    /** {@code Authorization: Bearer ...} for {@code user} with just {@code roles}. */
    public static Header as(String user, String... roles) {
        return new Header("Authorization", "Bearer " + SharedTestInfra.jwt().token(user, List.of(roles), TTL));
    }

    /** Adds the default user's token to every request that has none; idempotent. */
    public static synchronized void installDefault() {
        if (installed) {
            return;
        }
        String token = as(DEFAULT_USER).getValue();
        Filter defaultToken = (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", token);
            }
            return context.next(request, response);
        };
        RestAssured.filters(defaultToken);
        installed = true;
    }
}
