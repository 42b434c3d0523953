package com.lendkeep.platform.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is off unless an OTLP endpoint is configured: without one, Quarkus' exporter would send
 * to localhost:4317 and log a connection error at every export. One setting turns it on,
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or Quarkus' own {@code quarkus.otel.exporter.otlp[.traces].endpoint}).
 * The ordinal is below every file and environment source, so an explicit
 * {@code quarkus.otel.sdk.disabled} (a test's, for an in-memory exporter) still wins.
 */
public class TracingSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    private static final String[] ENDPOINT_SETTINGS = { "OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "otel.exporter.otlp.endpoint", ENDPOINT,
            "quarkus.otel.exporter.otlp.traces.endpoint" };

    private final Map<String, String> values;

    public TracingSwitch() {
        this(System.getenv(), System.getProperties());
    }

    TracingSwitch(Map<String, String> env, java.util.Properties systemProperties) {
        String endpoint = null;
        for (String setting : ENDPOINT_SETTINGS) {
            String value = env.getOrDefault(setting, systemProperties.getProperty(setting));
            if (value != null && !value.isBlank()) {
                endpoint = value;
                break;
            }
        }
        values = endpoint == null ? Map.of(SDK_DISABLED, "true")
                : Map.of(SDK_DISABLED, "false", ENDPOINT, endpoint);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "lendkeep-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
