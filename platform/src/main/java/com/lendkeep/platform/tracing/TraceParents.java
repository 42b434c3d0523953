package com.lendkeep.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} of an event: taken from the current trace when the outbox row is
 * written, stored with the row, sent by the relay as a Kafka header of that name, and continued by
 * the consumer. Without tracing the current span is invalid, so nothing is stored or sent.
 * <p>
 * A batch consumer handles many events in one call, so one "current" context cannot say which
 * trace an event it publishes belongs to. While a batch is handled, {@link #bindPerCustomer} gives
 * each customer of the batch its own context: an event published about that customer continues the
 * trace of that customer's event in the batch (events are keyed by customer, and a consumer's event
 * about a customer is caused by that customer's events).
 */
public final class TraceParents {

    /** The Kafka header (and W3C field) name. */
    public static final String HEADER = "traceparent";

    private static final ThreadLocal<Map<UUID, Context>> PER_CUSTOMER = new ThreadLocal<>();

    private static final TextMapGetter<String> SINGLE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParents() {
    }

    /** The traceparent an event about {@code customerId} published now continues; null when there is no trace. */
    public static String forEventAbout(UUID customerId) {
        Map<UUID, Context> batch = PER_CUSTOMER.get();
        Context context = batch == null ? null : batch.get(customerId);
        return format(context != null ? context : Context.current());
    }

    /** The traceparent of a context; null when its span is not a valid one (no tracing). */
    public static String format(Context context) {
        Map<String, String> fields = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, fields, Map::put);
        return fields.get(HEADER);
    }

    /** The context a traceparent continues; the root context when it is null or not a valid one. */
    public static Context parse(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, SINGLE_VALUE);
    }

    /** The traceparent header of a Kafka record, null when it has none. */
    public static String of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Runs {@code work} with each customer's context bound (see the class comment); unbinds it after. */
    public static void bindPerCustomer(Map<UUID, Context> contexts, Runnable work) {
        Map<UUID, Context> previous = PER_CUSTOMER.get();
        PER_CUSTOMER.set(contexts);
        try {
            work.run();
        } finally {
            if (previous == null) {
                PER_CUSTOMER.remove();
            } else {
                PER_CUSTOMER.set(previous);
            }
        }
    }
}
