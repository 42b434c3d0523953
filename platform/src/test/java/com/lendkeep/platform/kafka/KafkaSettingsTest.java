package com.lendkeep.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void environmentAndSystemPropertiesBecomeClientPropertiesAsForAService() {
        Properties system = new Properties();
        system.setProperty("kafka.sasl.mechanism", "SCRAM-SHA-512");
        system.setProperty("quarkus.http.port", "8080");
        Properties client = KafkaSettings.from(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12", "HOME", "/root"), system);
        assertEquals("SASL_SSL", client.getProperty("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.getProperty("sasl.mechanism"), "a system property wins over the environment");
        assertEquals("/etc/kafka/truststore.p12", client.getProperty("ssl.truststore.location"));
        assertEquals(3, client.size(), client.toString());
        assertFalse(client.containsKey("home"));
    }
}
