package com.lendkeep.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The Kafka connector traces records only while the OpenTelemetry SDK is on; an explicit setting wins. */
class KafkaTracingFollowsSdkTest {

    private static boolean kafkaTracing(Map<String, String> env, Map<String, String> explicit) {
        Properties system = new Properties();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new TracingSwitch(env, system))
                .withSources(new PropertiesConfigSource(explicit, "explicit", 250))
                .withInterceptors(new KafkaTracingFollowsSdk())
                .build();
        return config.getValue(KafkaTracingFollowsSdk.KAFKA_TRACING, Boolean.class);
    }

    @Test
    void offWithoutAnEndpoint() {
        assertEquals(false, kafkaTracing(Map.of(), Map.of()));
    }

    @Test
    void onWithAnEndpoint() {
        assertEquals(true, kafkaTracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), Map.of()));
    }

    @Test
    void followsAnExplicitSdkSetting() {
        // a test exporting to memory turns the SDK on without an endpoint: its consumers must trace
        assertEquals(true, kafkaTracing(Map.of(), Map.of(TracingSwitch.SDK_DISABLED, "false")));
        assertEquals(false, kafkaTracing(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
                Map.of(TracingSwitch.SDK_DISABLED, "true")));
    }

    @Test
    void anExplicitConnectorSettingWins() {
        Map<String, String> explicit = new HashMap<>();
        explicit.put(KafkaTracingFollowsSdk.KAFKA_TRACING, "true");
        assertEquals(true, kafkaTracing(Map.of(), explicit));
    }
}
