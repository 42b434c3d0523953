package com.lendkeep.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real PostgreSQL and a real Kafka broker once per test JVM (shared by every test class
 * of a module) and points the service at them. Stopped when the JVM exits.
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres postgres;
    private static LocalKafka kafka;

    public static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("lendkeep-test-");
            postgres = LocalPostgres.start(dir.resolve("pg"), FreePorts.next(), true);
            kafka = LocalKafka.start(dir.resolve("kafka"), FreePorts.next(), FreePorts.next(), 3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test infrastructure", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temp directory goes with it
            }
        }));
    }

    public static String bootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    public static String jdbcUrl() {
        ensureStarted();
        return postgres.jdbcUrl();
    }

    public static int postgresPort() {
        ensureStarted();
        return postgres.port();
    }

    @Override
    public Map<String, String> start() {
        ensureStarted();
        return Map.of(
                "db.host", "localhost",
                "db.port", Integer.toString(postgres.port()),
                "db.user", "postgres",
                "db.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by the shutdown hook
    }
}
