package com.lendkeep.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lendkeep.infra.FreePorts;

/** Starts the packaged services as separate JVM processes, as operators run them, and stops them. */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("customer-service", "loan-service", "risk-service", "retention-service");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path logs;

    ServiceProcesses(Path logs) {
        this.logs = logs;
    }

    void start(Path repoRoot, int postgresPort, String kafka, Map<String, String> extraEnv) throws IOException {
        Files.createDirectories(logs);
        String java = ProcessHandle.current().info().command().orElse("java");
        for (String service : SERVICES) {
            Path jar = repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
            }
            int port = FreePorts.next();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            pb.environment().put("HTTP_PORT", Integer.toString(port));
            pb.environment().put("DB_HOST", "localhost");
            pb.environment().put("DB_PORT", Integer.toString(postgresPort));
            pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            pb.environment().putAll(extraEnv);
            processes.put(service, pb.start());
            ports.put(service, port);
        }
        awaitReady(Duration.ofSeconds(120));
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String service : SERVICES) {
            org.awaitility.Awaitility.await(service + " ready, see " + logs.resolve(service + ".log"))
                    .atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> ready(http, service));
        }
    }

    /** Ready when /q/health/ready answers 200; a process that died fails at once instead of waiting out the timeout. */
    private boolean ready(HttpClient http, String service) throws InterruptedException {
        Process p = processes.get(service);
        if (!p.isAlive()) {
            throw new IllegalStateException(service + " exited with " + p.exitValue() + ", see " + logs.resolve(service + ".log"));
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
