package com.lendkeep.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka or PostgreSQL as its own operating-system process ({@code com.lendkeep.infra.InfraMain},
 * as bin/stack runs them), so that a test can stop it and start it again on the same port and data
 * directory, as an operator restarting a server would.
 */
final class InfraProcess implements AutoCloseable {

    private final String name;
    private final List<String> args;
    private final Path log;
    private final int port;
    private final Path dataDir;
    private Process process;

    private InfraProcess(String name, List<String> args, Path log, int port, Path dataDir) {
        this.name = name;
        this.args = args;
        this.log = log;
        this.port = port;
        this.dataDir = dataDir;
    }

    static InfraProcess kafka(Path dataDir, int port, int controllerPort, int partitions, Path log) {
        return new InfraProcess("kafka", List.of("kafka", dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort),
                Integer.toString(partitions)), log, port, dataDir);
    }

    static InfraProcess postgres(Path dataDir, int port, Path log) {
        return new InfraProcess("postgres", List.of("postgres", dataDir.toString(), Integer.toString(port)), log, port, dataDir);
    }

    int port() {
        return port;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until it printed READY and accepts connections on its port. */
    void start(Duration timeout) throws IOException, InterruptedException {
        if (running()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, name.equals("kafka") ? "-Xmx512m" : "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "com.lendkeep.infra.InfraMain"));
        command.addAll(args);
        long readyLinesBefore = readyLines();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            if (readyLines() > readyLinesBefore && accepts()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ", see " + log);
    }

    /**
     * SIGTERM, as an operator stopping the server: InfraMain's shutdown hook shuts it down cleanly
     * (Kafka controlled shutdown, PostgreSQL fast shutdown). Waits until the port is closed.
     */
    void stop(Duration timeout) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepts() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (accepts()) {
            throw new IllegalStateException(name + " still accepts connections on port " + port + " after it was stopped");
        }
    }

    /** True while something accepts TCP connections on the server's port. */
    boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running()) {
            stop(Duration.ofSeconds(30));
        }
        if (name.equals("postgres")) {
            killOrphanPostmaster();
        }
    }

    /**
     * A PostgreSQL server whose launcher died without its shutdown hook keeps running on its own:
     * find it by its data directory and end it, so that no server outlives the tests.
     */
    private void killOrphanPostmaster() {
        String marker = "-D " + dataDir;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
    }

    private long readyLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.startsWith("READY " + name)).count();
        }
    }
}
