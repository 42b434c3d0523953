package com.lendkeep.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * Settings for the Kafka clients the platform builds by hand (outbox relay, dead letters, lag
 * monitor). They start from every {@code kafka.*} property of the service, the same map the
 * messaging channels get, so one set of TLS or SASL settings reaches every client.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> broker;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = broker;
    }

    /** The shared settings plus {@code overrides} (which win), as client properties. */
    public Properties properties(Map<String, Object> overrides) {
        Map<String, Object> merged = new HashMap<>(broker);
        merged.putAll(overrides);
        Properties props = new Properties();
        merged.forEach((key, value) -> {
            if (value != null) {
                props.put(key, value.toString());
            }
        });
        return props;
    }
}
