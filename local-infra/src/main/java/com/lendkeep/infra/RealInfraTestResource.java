package com.lendkeep.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a {@code @QuarkusTest} at the real PostgreSQL and Kafka of {@link SharedTestInfra}. */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static String bootstrapServers() {
        return SharedTestInfra.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "db.host", "localhost",
                "db.port", Integer.toString(SharedTestInfra.postgresPort()),
                "db.user", "postgres",
                "db.password", "postgres",
                "kafka.bootstrap.servers", SharedTestInfra.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared across test classes; stopped when the JVM exits
    }
}
