package com.lendkeep.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A request whose declared {@code Content-Length} is over {@code quarkus.http.limits.max-body-size}
 * is answered 413 {@code application/problem+json} before its body is read (Vert.x would otherwise
 * answer an empty 413 of its own, outside the REST layer's mappers).
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final String problem;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBytes = max.asLongValue();
        this.problem = mapper.writeValueAsString(Problem.of(413, "Content Too Large",
                "the request body is larger than this service accepts (" + maxBytes + " bytes)"));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem);
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
