package com.lendkeep.platform.tracing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.platform.events.EventEnvelope;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Continues the traces of events a batch consumer handles. SmallRye's Kafka connector makes the
 * trace of a record current for a method that takes one record, but a batch holds records of many
 * traces: here each trace of the batch gets its own consumer span (a child of the span that wrote
 * the event), and each customer of the batch is bound to the span of its latest event, so the
 * events the handler publishes about that customer continue that trace ({@link TraceParents}).
 */
@ApplicationScoped
public class InboxTracing {

    private final Tracer tracer;

    public InboxTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("com.lendkeep.platform.inbox");
    }

    /**
     * Runs {@code work} (the handling of {@code events}, whose traceparent headers are
     * {@code traceParents}, in the same order; null where a record had none) inside their traces.
     */
    public void inTraces(String topic, List<EventEnvelope> events, List<String> traceParents, Runnable work) {
        Map<String, Span> spans = new LinkedHashMap<>();
        Map<UUID, Context> perCustomer = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String traceParent = traceParents.get(i);
            if (traceParent == null) {
                continue;
            }
            Span span = spans.computeIfAbsent(traceParent, tp -> tracer.spanBuilder(topic + " process")
                    .setSpanKind(SpanKind.CONSUMER)
                    .setParent(TraceParents.parse(tp))
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", topic)
                    .startSpan());
            perCustomer.put(events.get(i).customerId(), Context.current().with(span));
        }
        if (spans.isEmpty()) {
            work.run();
            return;
        }
        List<Span> started = new ArrayList<>(spans.values());
        // with one trace in the batch (one request's events), it is also the current one
        Context current = started.size() == 1 ? Context.current().with(started.get(0)) : Context.current();
        try (var scope = current.makeCurrent()) {
            TraceParents.bindPerCustomer(perCustomer, work);
        } catch (RuntimeException | Error e) {
            for (Span span : started) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
            }
            throw e;
        } finally {
            started.forEach(Span::end);
        }
    }
}
