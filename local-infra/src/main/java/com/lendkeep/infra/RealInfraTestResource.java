package com.lendkeep.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real PostgreSQL and Kafka of {@link SharedTestInfra}, makes
 * the service trust the shared test token issuer, and gives REST Assured a default token
 * ({@link TestUsers#installDefault()}).
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static String bootstrapServers() {
        return SharedTestInfra.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        TestUsers.installDefault();
        return Map.of(
                "db.host", "localhost",
                "db.port", Integer.toString(SharedTestInfra.postgresPort()),
                "db.user", "postgres",
                "db.password", "postgres",
                "kafka.bootstrap.servers", SharedTestInfra.bootstrapServers(),
                "mp.jwt.verify.publickey.location", SharedTestInfra.jwt().publicKeyFile().toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", LocalJwt.ISSUER);
    }

    @Override
    public void stop() {
        // shared across test classes; stopped when the JVM exits
    }
}
