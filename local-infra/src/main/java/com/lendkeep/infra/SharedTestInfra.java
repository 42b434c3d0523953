package com.lendkeep.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL, one real Kafka and one token issuer (key pair) per test JVM, started on first use on free ports in a
 * temporary folder, shared by every test class, stopped when the JVM exits.
 */
public final class SharedTestInfra {

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalJwt jwt;

    private SharedTestInfra() {
    }

    public static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("lendkeep-test-");
            postgres = LocalPostgres.start(dir.resolve("pg"), FreePorts.next(), true);
            kafka = LocalKafka.start(dir.resolve("kafka"), FreePorts.next(), FreePorts.next(), 3, FreePorts.next());
            jwt = LocalJwt.inFolder(dir.resolve("jwt"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test infrastructure", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
    }

    public static String bootstrapServers() {
        ensureStarted();
        return kafka.bootstrapServers();
    }

    /** The same broker's listener that requires SASL/PLAIN (user {@link LocalKafka#SASL_USER}). */
    public static String saslBootstrapServers() {
        ensureStarted();
        return kafka.saslBootstrapServers();
    }

    public static int postgresPort() {
        ensureStarted();
        return postgres.port();
    }

    /** The token issuer whose public key the services under test trust. */
    public static LocalJwt jwt() {
        ensureStarted();
        return jwt;
    }

    public static String jdbcUrl() {
        ensureStarted();
        return postgres.jdbcUrl();
    }
}
