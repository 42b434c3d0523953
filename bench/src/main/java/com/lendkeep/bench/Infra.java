package com.lendkeep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.lendkeep.infra.FreePorts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The benchmark's own PostgreSQL 18 and Kafka, on free ports, in a scratch folder. PostgreSQL is set
 * up as local-infra's LocalPostgres (fsync on, 200 connections) plus pg_stat_statements, to see
 * where the database time goes; Kafka runs as its own process (local-infra's InfraMain, as bin/stack
 * runs it) so that its CPU and memory are its own.
 */
final class Infra implements AutoCloseable {

    static final String DATABASE = "lendkeep";

    final Path dir;
    final EmbeddedPostgres postgres;
    final Process kafka;
    final int kafkaPort;
    double postgresStartSeconds;
    double kafkaStartSeconds;

    private Infra(Path dir, EmbeddedPostgres postgres, Process kafka, int kafkaPort) {
        this.dir = dir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.kafkaPort = kafkaPort;
    }

    static Infra start(Path dir, int partitions) throws Exception {
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true)
                .setPort(FreePorts.next())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .start();
        double pgSeconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        int port = FreePorts.next();
        String java = ProcessHandle.current().info().command().orElse("java");
        long t1 = System.nanoTime();
        Process kafka = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "com.lendkeep.infra.InfraMain", "kafka", dir.resolve("kafka").toString(), Integer.toString(port),
                Integer.toString(FreePorts.next()), Integer.toString(partitions))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(kafka.getInputStream()));
        Path kafkaLog = dir.resolve("kafka.log");
        String line;
        boolean ready = false;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY")) {
                ready = true;
                break;
            }
        }
        if (!ready) {
            Files.writeString(kafkaLog, seen);
            pg.close();
            throw new IllegalStateException("Kafka did not start, see " + kafkaLog);
        }
        Thread.ofPlatform().daemon().start(() -> {
            try (var w = Files.newBufferedWriter(kafkaLog)) {
                String l;
                while ((l = out.readLine()) != null) {
                    w.write(l);
                    w.newLine();
                }
            } catch (IOException ignored) {
                // Kafka stopped
            }
        });
        Infra infra = new Infra(dir, pg, kafka, port);
        infra.postgresStartSeconds = pgSeconds;
        infra.kafkaStartSeconds = (System.nanoTime() - t1) / 1e9;
        try (Connection c = infra.connect(DATABASE); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return infra;
    }

    String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    int postgresPort() {
        return postgres.getPort();
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database
                + "?reWriteBatchedInserts=true", "postgres", "postgres");
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect(DATABASE); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        try (Connection c = connect(name); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    /** The postmaster's pid (PostgreSQL daemonizes, so it is not a child of this JVM). */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid")).get(0).trim());
    }

    /** PostgreSQL's memory: the PSS of the postmaster and its back-ends (shared buffers counted once). */
    double postgresMb() throws IOException {
        return Sys.withChildren(postmasterPid()).stream().mapToDouble(Sys::pssMb).sum();
    }

    double postgresCpuSeconds() throws IOException {
        List<Long> pids = Sys.withChildren(postmasterPid());
        return pids.stream().mapToDouble(Sys::cpuSeconds).sum();
    }

    @Override
    public void close() throws Exception {
        kafka.destroy();
        if (!kafka.waitFor(30, TimeUnit.SECONDS)) {
            kafka.destroyForcibly();
        }
        postgres.close();
    }
}
