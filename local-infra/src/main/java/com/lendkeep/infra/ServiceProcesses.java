package com.lendkeep.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged services as separate JVM processes, as operators run them, and stops them;
 * for the end-to-end and fault tests. A service can be killed ({@code kill -9}) and started again on
 * the same port with the same environment.
 */
public final class ServiceProcesses implements AutoCloseable {

    public static final List<String> SERVICES = List.of("customer-service", "loan-service", "risk-service", "retention-service");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Path logs;
    private Path repoRoot;

    public ServiceProcesses(Path logs) {
        this.logs = logs;
    }

    /**
     * Starts every service against the given PostgreSQL and Kafka, verifying bearer tokens with the
     * public key of {@code jwt}, and waits until each is ready.
     */
    public void start(Path repoRoot, int postgresPort, String kafka, LocalJwt jwt, Map<String, String> extraEnv) throws IOException {
        Files.createDirectories(logs);
        this.repoRoot = repoRoot;
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(postgresPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwt.publicKeyFile().toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalJwt.ISSUER);
        env.putAll(extraEnv);
        for (String service : SERVICES) {
            ports.put(service, FreePorts.next());
            launch(service);
        }
        for (String service : SERVICES) {
            awaitReady(service, READY_TIMEOUT);
        }
    }

    /**
     * How long a service may take to become ready: 4 minutes, or {@code -Dlendkeep.service-ready-seconds}.
     * A service that dies fails at once, so a generous wait costs nothing when all is well; on a loaded
     * machine (other builds sharing its two cores) a Quarkus start took 181-279 s.
     */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("lendkeep.service-ready-seconds", 240));

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    public Path log(String service) {
        return logs.resolve(service + ".log");
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    public void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * {@code kill -TERM}, as an orchestrator stops a pod: the service drains what it has in hand
     * ({@code quarkus.shutdown.timeout}). Returns at once; {@link #awaitExit} waits for the process.
     */
    public void terminate(String service) {
        processes.get(service).destroy();
    }

    /** Waits until a terminated service's process has exited; false if it is still running after {@code timeout}. */
    public boolean awaitExit(String service, Duration timeout) throws InterruptedException {
        return processes.get(service).waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a killed or stopped service again on its port and waits until it is ready. */
    public void restart(String service) throws IOException {
        launch(service);
        awaitReady(service, READY_TIMEOUT);
    }

    private void launch(String service) throws IOException {
        Path jar = repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        pb.environment().putAll(env);
        pb.environment().put("HTTP_PORT", Integer.toString(ports.get(service)));
        processes.put(service, pb.start());
    }

    /** Ready when /q/health/ready answers 200; a process that died fails at once instead of waiting out the timeout. */
    private void awaitReady(String service, Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Process p = processes.get(service);
                if (!p.isAlive()) {
                    throw new IllegalStateException(service + " exited with " + p.exitValue() + ", see " + log(service));
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250); // poll interval
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + service, e);
        }
        throw new IllegalStateException(service + " not ready after " + timeout + ", see " + log(service));
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
