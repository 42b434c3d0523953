package com.lendkeep.platform.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * SmallRye's Kafka connector traces every consumed record unless told not to, whatever the OpenTelemetry
 * SDK's state: with the SDK disabled ({@link TracingSwitch}) Quarkus still hands it a tracer without
 * exporters, and each record got a span built, timed and dropped on the event loop (risk-service: 4 % of
 * its CPU in the bench, docs/performance.md). So the connector's {@code tracing-enabled} follows the SDK:
 * off while {@code quarkus.otel.sdk.disabled} is true. A value set anywhere, for the connector or a channel,
 * still wins.
 */
public class KafkaTracingFollowsSdk implements ConfigSourceInterceptor {

    static final String KAFKA_TRACING = "mp.messaging.connector.smallrye-kafka.tracing-enabled";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !KAFKA_TRACING.equals(name)) {
            return value;
        }
        ConfigValue disabled = context.proceed(TracingSwitch.SDK_DISABLED);
        boolean sdkOn = disabled == null || !Boolean.parseBoolean(disabled.getValue());
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(sdkOn)).withConfigSourceName("lendkeep-tracing-switch")
                .build();
    }
}
