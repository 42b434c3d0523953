package com.lendkeep.loan.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;

/**
 * Reads a small request body (a declared {@code Content-Length} up to {@link #MAX_BYTES}) on the
 * event loop before the REST layer moves the request to a worker thread. Without it, a blocking
 * endpoint reads its body as a stream on the worker thread, which waits for the event loop to hand
 * over every chunk and the end of the body (a monitor wait and wake-up per request): under load that
 * hand-over took about 9 % of the service's CPU samples on {@code POST /loans/{id}/repayments}.
 * The REST layer uses a body read here as it is. HTTP/2, bodies without a length (chunked), larger
 * ones and requests expecting {@code 100 Continue} keep the usual path; {@code BodySizeLimit} (order
 * just before this one) has already refused a declared length over the service's limit.
 */
@ApplicationScoped
public class SmallBodyPreRead {

    static final long MAX_BYTES = 64 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (!worthReading(request)) {
                ctx.next();
                return;
            }
            request.body().onComplete(read -> {
                if (read.succeeded()) {
                    ctx.setBody(read.result());
                    ctx.next();
                } else {
                    ctx.fail(read.cause());
                }
            });
            request.resume(); // Quarkus pauses every request until a handler is ready for its body
        });
    }

    private static boolean worthReading(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return false; // the REST layer pauses every request, which Vert.x refuses for an HTTP/2 stream already read
        }
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        if (request.getHeader(HttpHeaders.EXPECT) != null) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes > 0 && bytes <= MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
