package com.lendkeep.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.ServiceProcesses;

/**
 * The services' REST APIs as a client sees them, with a bearer token on every request. Writes go
 * through {@link #write}, which behaves as a careful client: it retries what did not get a
 * definite answer (connection refused or reset, timeout, 503) and, where a request cannot be
 * safely repeated, first asks whether the earlier attempt took effect.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final Duration WRITE_DEADLINE = Duration.ofMinutes(5);

    /** One answer: status, body, content type and how long it took. */
    record Reply(int status, String body, String contentType, long millis, Optional<String> retryAfter) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Why a write was repeated and how it ended, over a scenario. */
    static final class Stats {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder connectionFailures = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder resolved = new LongAdder();
        final LongAdder accepted = new LongAdder();
        /** Answers (of any status) slower than {@link #SLOW_MILLIS}, the slowest, and every duration for percentiles. */
        static final long SLOW_MILLIS = 10_000;
        final LongAdder slow = new LongAdder();
        final java.util.concurrent.atomic.AtomicLong maxMillis = new java.util.concurrent.atomic.AtomicLong();
        final java.util.Queue<Long> millis = new java.util.concurrent.ConcurrentLinkedQueue<>();

        void took(long ms) {
            if (ms > SLOW_MILLIS) {
                slow.increment();
            }
            maxMillis.accumulateAndGet(ms, Math::max);
            millis.add(ms);
        }

        long percentile(double p) {
            List<Long> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }

        void status(int s) {
            statuses.computeIfAbsent(s, k -> new LongAdder()).increment();
        }

        long count(int status) {
            LongAdder a = statuses.get(status);
            return a == null ? 0 : a.sum();
        }

        @Override
        public String toString() {
            return "accepted " + accepted.sum() + ", retried " + retries.sum() + " (connection failures " + connectionFailures.sum()
                    + "), settled by reading back " + resolved.sum() + ", answers " + new java.util.TreeMap<>(statuses) + ", p95 "
                    + percentile(0.95) + " ms, slowest " + maxMillis.get() + " ms";
        }
    }

    /** A request to repeat until it is accepted. */
    @FunctionalInterface
    interface Attempt {
        Reply send() throws IOException;
    }

    /** After an answer that leaves the outcome open: the stored result if the earlier attempt took effect. */
    @FunctionalInterface
    interface Resolver {
        Optional<JsonNode> find() throws Exception;
    }

    private final ServiceProcesses services;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    volatile Stats stats = new Stats();

    Api(ServiceProcesses services, String token) {
        this.services = services;
        this.token = token;
    }

    Reply get(String service, String path) throws IOException {
        return send(service, path, HttpRequest.newBuilder().GET(), Map.of(), REQUEST_TIMEOUT);
    }

    Reply get(String service, String path, Duration timeout) throws IOException {
        return send(service, path, HttpRequest.newBuilder().GET(), Map.of(), timeout);
    }

    Reply post(String service, String path, Object body, Map<String, String> headers) throws IOException {
        return post(service, path, body, headers, REQUEST_TIMEOUT);
    }

    Reply post(String service, String path, Object body, Map<String, String> headers, Duration timeout) throws IOException {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return send(service, path, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers, timeout);
    }

    private Reply send(String service, String path, HttpRequest.Builder builder, Map<String, String> headers, Duration timeout)
            throws IOException {
        builder.uri(URI.create(services.url(service) + path)).timeout(timeout).header("Accept", "application/json");
        if (!headers.containsKey("Authorization")) {
            // the harness's own user, unless the request acts as another (a manager approving: four eyes)
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    (System.nanoTime() - start) / 1_000_000, r.headers().firstValue("Retry-After"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Sends {@code attempt} until it is accepted (2xx) and returns the body. No answer, 502-504 and
     * 500 leave the outcome open: the request is repeated after a backoff, but first {@code resolver}
     * (if any) is asked whether the earlier attempt took effect. A 409 is settled by {@code resolver}
     * (the resource exists) or, without one, repeated (an Idempotency-Key still in progress). Any
     * other answer fails the test. Every 500 is counted: a scenario fails on any.
     */
    JsonNode write(String what, Attempt attempt, Resolver resolver) {
        long deadline = System.nanoTime() + WRITE_DEADLINE.toNanos();
        long backoffMs = 200;
        boolean open = false;
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try {
                if (open && resolver != null) {
                    Optional<JsonNode> found = resolver.find();
                    if (found.isPresent()) {
                        stats.resolved.increment();
                        stats.accepted.increment();
                        return found.get();
                    }
                }
                Reply r;
                try {
                    r = attempt.send();
                } catch (IOException e) {
                    stats.connectionFailures.increment();
                    throw e;
                }
                stats.status(r.status());
                stats.took(r.millis());
                if (r.ok()) {
                    stats.accepted.increment();
                    return r.body().isEmpty() ? JSON.nullNode() : r.json();
                }
                last = r.status() + " " + r.body();
                if (r.status() == 409) {
                    // exists already (settled by the resolver), or the same Idempotency-Key is still in progress
                    open = true;
                    if (resolver != null) {
                        continue;
                    }
                    stats.retries.increment();
                    sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 3000);
                    continue;
                }
                if (customerNotYetKnown(r)) {
                    // loan-service learns a customer registered a moment ago from customer-events: wait for it
                    stats.retries.increment();
                    sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 3000);
                    continue;
                }
                if (r.status() != 500 && r.status() != 502 && r.status() != 503 && r.status() != 504) {
                    throw new AssertionError(what + " was refused: " + last);
                }
                open = true;
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                // no answer (refused, reset, timed out) or the resolver could not read: the outcome is open
                open = true;
                last = e.toString();
            }
            stats.retries.increment();
            sleep(backoffMs);
            backoffMs = Math.min(backoffMs * 2, 3000);
        }
        throw new AssertionError(what + " still not accepted after " + WRITE_DEADLINE + "; last: " + last);
    }

    /** loan-service's 422 for a customer it has not (yet) seen on customer-events; an erased customer is not retried. */
    static boolean customerNotYetKnown(Reply r) {
        return r.status() == 422 && r.body().contains("\"customerId\"") && r.body().contains("is not a customer registered");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
