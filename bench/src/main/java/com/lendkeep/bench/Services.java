package com.lendkeep.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.lendkeep.infra.FreePorts;

/**
 * The packaged service jars as processes (as operators run them), each on a free port, with the
 * JVM flags under test. Several instances of one service can run (named {@code risk-service#2}).
 */
final class Services implements AutoCloseable {

    /**
     * Serial GC (2 cores, small heaps: the least memory and no GC threads); a heap of 160 MB that
     * gives memory back after a full collection; a smaller code cache and thread stacks; on JDK 22+
     * glibc's free memory returned to the system every 10 s (malloc arenas grow during JIT
     * compilation and traffic peaks, and keep it); on JDK 25+ compact object headers (8 bytes less
     * per object). docs/performance.md says what each was measured to do.
     */
    static final List<String> JVM_FLAGS = jvmFlags(Runtime.version().feature());

    /** glibc: two malloc arenas instead of eight per core, for the services' many threads. */
    static final Map<String, String> MALLOC_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    static List<String> jvmFlags(int jdk) {
        List<String> flags = new ArrayList<>(List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=48m", "-Xss512k"));
        if (jdk >= 22) {
            flags.add("-XX:TrimNativeHeapInterval=10000");
        }
        if (jdk >= 25) {
            flags.add("-XX:+UseCompactObjectHeaders");
        }
        return List.copyOf(flags);
    }

    record Instance(String name, String service, Process process, int port, double readySeconds) {
        String url() {
            return "http://localhost:" + port;
        }

        long pid() {
            return process.pid();
        }
    }

    private final Path root;
    private final Path logs;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Instance> running = new LinkedHashMap<>();
    /** Processes not ready yet: stopped too if the bench ends meanwhile (a Ctrl-C during a slow start-up left one running). */
    private final java.util.Set<Process> starting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<String> extraFlags = new ArrayList<>();

    Services(Path root, Path logs, Map<String, String> env) throws IOException {
        this.root = root;
        this.logs = logs;
        this.env.putAll(env);
        Files.createDirectories(logs);
    }

    void addJvmFlag(String flag) {
        extraFlags.add(flag);
    }

    void clearJvmFlags() {
        extraFlags.clear();
    }

    /** Starts one instance and waits until /q/health/ready answers 200; returns it with its time to ready. */
    Instance start(String name, String service, Map<String, String> instanceEnv) throws IOException, InterruptedException {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: bin/bench builds it (./mvnw -Pbench package -DskipTests)");
        }
        int port = FreePorts.next();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(extraFlags);
        String jfrDir = System.getenv("BENCH_JFR_DIR");
        if (jfrDir != null && extraFlags.stream().noneMatch(f -> f.startsWith("-XX:StartFlightRecording"))) {
            // profile every service of the run (e.g. the REST endpoints): one recording per instance, written at exit
            cmd.add("-XX:StartFlightRecording=filename=" + Path.of(jfrDir).toAbsolutePath().resolve(name.replace('#', '-') + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name.replace('#', '-') + ".log").toFile()));
        pb.environment().putAll(MALLOC_ENV);
        pb.environment().putAll(env);
        pb.environment().putAll(instanceEnv);
        pb.environment().put("HTTP_PORT", Integer.toString(port));
        long t0 = System.nanoTime();
        Process p = pb.start();
        starting.add(p);
        try {
            awaitReady(name, p, "http://localhost:" + port, Duration.ofMinutes(10)); // a start-up took 175 s at a load of 70 here
        } finally {
            starting.remove(p);
        }
        Instance i = new Instance(name, service, p, port, (System.nanoTime() - t0) / 1e9);
        running.put(name, i);
        return i;
    }

    Instance get(String name) {
        return running.get(name);
    }

    List<Instance> all() {
        return List.copyOf(running.values());
    }

    void stop(String name) throws InterruptedException {
        Instance i = running.remove(name);
        if (i != null) {
            i.process().destroy();
            if (!i.process().waitFor(30, TimeUnit.SECONDS)) {
                i.process().destroyForcibly();
                i.process().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitReady(String name, Process p, String url, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + " before it was ready");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException(name + " not ready after " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        for (String name : List.copyOf(running.keySet())) {
            stop(name);
        }
        for (Process p : List.copyOf(starting)) {
            p.destroyForcibly();
        }
    }
}
