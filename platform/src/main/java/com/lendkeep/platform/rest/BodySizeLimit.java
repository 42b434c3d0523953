package com.lendkeep.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} is answered 413
 * {@code application/problem+json} naming the limit. Vert.x and the REST layer would otherwise answer
 * an empty 413 of their own, or reset the connection, outside the REST layer's mappers (issue 18).
 * <ul>
 * <li>A declared {@code Content-Length} over the limit is refused before the body is read.</li>
 * <li>A body without a length ({@code Transfer-Encoding: chunked}) is read here, counting: once it
 * passes the limit the 413 is sent at once and the rest is read and dropped, so that the client,
 * still sending, reads the answer instead of a reset; a body within the limit is handed to the REST
 * layer, which uses a body read before it as it is.</li>
 * </ul>
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Past the limit, how much more a chunked body may send (dropped) before the connection is closed. */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;

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
            HttpServerRequest request = ctx.request();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (tooLarge(length)) {
                    refuse(ctx);
                    return;
                }
                ctx.next();
            } else if (chunked(request)) {
                readCounting(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void readCounting(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= maxBytes) {
                body.appendBuffer(chunk);
            } else if (!ctx.response().headWritten()) {
                refuse(ctx);
            } else if (received[0] > maxBytes + DRAIN_BYTES) {
                request.connection().close(); // a client that never stops sending
            }
        });
        request.endHandler(end -> {
            if (received[0] <= maxBytes) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue(); // the client waits for it before it sends the body read here
        }
        request.resume(); // Quarkus pauses every request until a handler is ready for its body
    }

    private void refuse(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem);
    }

    private static boolean chunked(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return false; // an HTTP/2 stream is framed; the REST layer reads and limits it
        }
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
