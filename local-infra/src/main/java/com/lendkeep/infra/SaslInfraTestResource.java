package com.lendkeep.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * As {@link RealInfraTestResource}, but every Kafka client of the service must go through the
 * shared broker's SASL/PLAIN listener: {@code kafka.bootstrap.servers} is that listener only, with
 * the {@code kafka.*} security settings an operator would give.
 */
public class SaslInfraTestResource extends RealInfraTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("kafka.bootstrap.servers", SharedTestInfra.saslBootstrapServers());
        config.put("kafka.security.protocol", "SASL_PLAINTEXT");
        config.put("kafka.sasl.mechanism", "PLAIN");
        config.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + LocalKafka.SASL_USER + "\" password=\"" + LocalKafka.SASL_PASSWORD + "\";");
        return config;
    }
}
