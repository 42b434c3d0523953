package com.lendkeep.platform.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The services' {@code kafka.*} settings for programs that are not services (the bench, the replay
 * tool): the same names, read the way MicroProfile Config reads them for a service, so one set of TLS
 * or SASL settings reaches every Kafka client. A system property {@code kafka.security.protocol} and
 * an environment variable {@code KAFKA_SECURITY_PROTOCOL} both become the client property
 * {@code security.protocol}; a system property wins over the environment.
 */
public final class KafkaSettings {

    private static final String PREFIX = "kafka.";

    private KafkaSettings() {
    }

    /** This process's settings, as Kafka client properties (the caller adds its bootstrap address and its own settings). */
    public static Properties fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static Properties from(Map<String, String> environment, Properties system) {
        Properties client = new Properties();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > "KAFKA_".length()) {
                client.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        system.stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX) && name.length() > PREFIX.length())
                .forEach(name -> client.put(name.substring(PREFIX.length()), system.getProperty(name)));
        return client;
    }
}
