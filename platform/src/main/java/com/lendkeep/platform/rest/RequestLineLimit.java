package com.lendkeep.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A request line (method, path and query) longer than {@code lendkeep.http.max-request-line} is
 * answered 414 {@code application/problem+json} naming the limit. Vert.x answers a line over its own
 * {@code quarkus.http.limits.max-initial-line-length} with an empty 414 before any handler runs, so
 * that limit is set higher (platform's microprofile-config.properties) and the service's real limit
 * is checked here, where the answer can be written.
 */
@ApplicationScoped
public class RequestLineLimit {

    /** "GET " ... " HTTP/1.1": what Netty counts besides the target. */
    private static final int METHOD_AND_VERSION = 1 + " HTTP/1.1".length();

    private final int maxLength;
    private final String problem;

    public RequestLineLimit(@ConfigProperty(name = "lendkeep.http.max-request-line", defaultValue = "4096") int maxLength,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxLength = maxLength;
        this.problem = mapper.writeValueAsString(Problem.of(414, "URI Too Long", "the request line (method, path and query) is "
                + "longer than this service accepts (" + maxLength + " characters); send long input in a request body"));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            var request = ctx.request();
            if (request.method().name().length() + request.uri().length() + METHOD_AND_VERSION > maxLength) {
                ctx.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem);
                return;
            }
            ctx.next();
        });
    }
}
