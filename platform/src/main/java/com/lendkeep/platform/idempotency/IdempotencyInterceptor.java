package com.lendkeep.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.security.CurrentUser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Idempotency-Key} on POST, PUT, DELETE and PATCH requests, per caller and key:
 * <ul>
 * <li>first use: the request runs in one transaction with the storing of its answer;</li>
 * <li>the same request again after it completed: the stored status and body, with
 * {@code Idempotent-Replayed: true}, and nothing runs again;</li>
 * <li>the same key while the first is still running: 409;</li>
 * <li>the same key with another request (method, path or body): 422 naming the key.</li>
 * </ul>
 * A request that fails (any error answer) changed nothing and is not remembered: its key can be
 * retried. Requests without the header run as usual. A resource method may return a
 * {@code Response} (its status, body and Location are stored) or its body (stored as 200, or 204
 * when void); a replay of the latter is read back into the method's return type.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private final HttpServerRequest request;
    private final RoutingContext routing;
    private final CurrentUser currentUser;
    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    public IdempotencyInterceptor(HttpServerRequest request, RoutingContext routing, CurrentUser currentUser, IdempotencyStore store,
            ObjectMapper mapper) {
        this.request = request;
        this.routing = routing;
        this.currentUser = currentUser;
        this.store = store;
        this.mapper = mapper;
    }

    /** The writes a key makes safe to retry: POST, PUT, DELETE and PATCH (a PUT or DELETE retried after it
     * succeeded would otherwise meet its own change, e.g. 412 on a versioned resource or 404). */
    static boolean isWrite(java.lang.reflect.Method method) {
        return method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(jakarta.ws.rs.PUT.class)
                || method.isAnnotationPresent(jakarta.ws.rs.DELETE.class) || method.isAnnotationPresent(jakarta.ws.rs.PATCH.class);
    }

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null || !isWrite(ctx.getMethod())) {
            return ctx.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest(HEADER, "header " + HEADER + " must be 1.." + MAX_KEY_LENGTH + " characters");
        }
        String scope = currentUser.name();
        Instant claimedAt;
        switch (store.claim(scope, key, hash(ctx))) {
            case IdempotencyStore.Claim.Mismatch m -> throw ApiException.unprocessable(HEADER + " " + key
                    + " was already used for a different request (method, path or body); use a new key");
            case IdempotencyStore.Claim.InProgress p -> throw ApiException.conflict("a request with " + HEADER + " " + key
                    + " is still in progress; retry when it has finished");
            case IdempotencyStore.Claim.Replay r -> {
                return replay(ctx, r);
            }
            case IdempotencyStore.Claim.Claimed c -> claimedAt = c.startedAt();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Object result = proceed(ctx);
                if (result instanceof Response response) {
                    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
                    store.complete(scope, key, response.getStatus(), body(response.getEntity()),
                            location == null ? null : location.toString());
                } else {
                    store.complete(scope, key, result == null ? 204 : 200, body(result), null);
                }
                return result;
            });
        } catch (RuntimeException e) {
            store.release(scope, key, claimedAt);
            throw e;
        }
    }

    private Object replay(InvocationContext ctx, IdempotencyStore.Claim.Replay r) throws JsonProcessingException {
        // on the HTTP response itself: a typed replay has no Response to carry it
        routing.response().putHeader(REPLAYED, "true");
        if (Response.class.isAssignableFrom(ctx.getMethod().getReturnType())) {
            Response.ResponseBuilder replay = Response.status(r.status());
            if (r.body() != null) {
                replay.entity(r.body().getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (r.location() != null) {
                replay.location(URI.create(r.location()));
            }
            return replay.build();
        }
        if (r.body() == null || ctx.getMethod().getReturnType() == void.class) {
            return null;
        }
        return mapper.readValue(r.body(), mapper.getTypeFactory().constructType(ctx.getMethod().getGenericReturnType()));
    }

    private static Object proceed(InvocationContext ctx) {
        try {
            return ctx.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be stored for " + HEADER, e);
        }
    }

    /** Method, path and the request's parameters as JSON (the body as read, so formatting does not matter). */
    private String hash(InvocationContext ctx) throws JsonProcessingException, NoSuchAlgorithmException {
        String canonical = request.method() + " " + request.uri() + "\n" + mapper.writeValueAsString(ctx.getParameters());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
