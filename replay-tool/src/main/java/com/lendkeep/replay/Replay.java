package com.lendkeep.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lendkeep.platform.metrics.RocAuc;

/**
 * Replays the UCI credit data set through the running stack the way a core banking system would:
 * customers through customer-service's REST API, six monthly repayment records each through the
 * repayment-events topic, then a model trained and activated through risk-service's REST API, and
 * the test customers' scores read back from it. Usage: see {@link Options}.
 */
public final class Replay {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int IN_FLIGHT = 16;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final String token;
    private final String approverToken;

    /**
     * {@code token}: a bearer JWT with the core-banking and risk-analyst roles; {@code approverToken}: a second
     * risk analyst's, who approves the activation the first one requests (risk-service's four eyes).
     */
    Replay(Options options, String token, String approverToken) {
        this.options = options;
        this.token = token;
        this.approverToken = approverToken;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        // from the environment, not the command line, where every user of the machine could read it
        String token = System.getenv("LENDKEEP_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("replay: set LENDKEEP_TOKEN to a bearer token with the core-banking and risk-analyst roles"
                    + " (bin/stack replay does: bin/stack token core-banking,risk-analyst)");
            System.exit(2);
            return;
        }
        String approver = System.getenv("LENDKEEP_APPROVER_TOKEN");
        if (approver == null || approver.isBlank()) {
            System.err.println("replay: set LENDKEEP_APPROVER_TOKEN to a second risk analyst's bearer token: activating a model needs"
                    + " four eyes (bin/stack replay does: bin/stack token risk-analyst replay.approver)");
            System.exit(2);
            return;
        }
        try {
            new Replay(options, token.strip(), approver.strip()).run();
        } catch (Exception e) {
            System.err.println("replay failed: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() throws Exception {
        long start = System.nanoTime();
        List<UciRecord> records = UciRecord.read(options.data());
        Random random = new Random(options.splitSeed());
        List<UciRecord> train = new ArrayList<>();
        List<UciRecord> test = new ArrayList<>();
        for (UciRecord r : records) {
            (random.nextDouble() < 0.7 ? train : test).add(r);
        }
        say("LendKeep replay of %s: %,d customers, split seed %d -> %,d train / %,d test", options.data(), records.size(),
                options.splitSeed(), train.size(), test.size());

        long t = System.nanoTime();
        Map<Integer, UUID> customers = createCustomers(records);
        say("customers created through customer-service  %,d in %.1f s", customers.size(), secs(t));

        long before = paymentsRecorded();
        t = System.nanoTime();
        long published = new RepaymentPublisher(options.kafka(), runId).publish(records, customers);
        say("repayment records published to Kafka        %,d in %.1f s", published, secs(t));

        t = System.nanoTime();
        awaitTakenIn(before + published);
        double ingest = secs(t);
        say("taken in and scored by risk-service          %,d in %.1f s after publishing (%,.0f events/s)", published, ingest,
                published / Math.max(ingest, 0.001));

        t = System.nanoTime();
        JsonNode model = train(train, customers);
        String version = model.get("version").asText();
        say("model %s trained on %,d customers in %.1f s; validation AUC %.4f", version, model.get("trainingSize").asInt(), secs(t),
                model.get("metrics").get("validationAuc").asDouble());

        t = System.nanoTime();
        activate(version);
        say("activated; every customer re-scored in %.1f s", secs(t));

        t = System.nanoTime();
        Map<Integer, Double> scores = readScores(test, customers, version);
        double[] s = new double[test.size()];
        boolean[] y = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            s[i] = scores.get(test.get(i).id());
            y[i] = test.get(i).defaulted();
        }
        double auc = RocAuc.of(s, y);
        writeCsv(test, scores);
        long defaults = test.stream().filter(UciRecord::defaulted).count();
        say("scores read back from risk-service           %,d in %.1f s", test.size(), secs(t));
        say("TEST ROC AUC %.4f on %,d test customers (%,d defaults), model %s, split seed %d", auc, test.size(), defaults, version,
                options.splitSeed());
        say("scores written to %s; total %.1f s", options.out(), secs(start));
    }

    private Map<Integer, UUID> createCustomers(List<UciRecord> records) throws Exception {
        ProgressBar bar = new ProgressBar("creating customers", records.size());
        Map<Integer, UUID> ids = new java.util.concurrent.ConcurrentHashMap<>();
        forEachConcurrently(records, r -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "INDIVIDUAL");
            body.put("fullName", "UCI client " + r.id());
            body.put("nationalId", "UCI" + r.id() + "R" + runId);
            body.put("externalRef", "UCI-" + runId + "-" + r.id());
            body.put("relationshipSince", "2004-01-01");
            return post(options.customerUrl() + "/customers", body).thenApply(json -> {
                ids.put(r.id(), UUID.fromString(json.get("id").asText()));
                return null;
            });
        }, bar);
        bar.done();
        return ids;
    }

    private long paymentsRecorded() throws Exception {
        return get(options.riskUrl() + "/risk/portfolio?top=1").get("paymentsRecorded").asLong();
    }

    private void awaitTakenIn(long expected) throws Exception {
        long base = expected - (long) 0;
        ProgressBar bar = new ProgressBar("risk-service taking in", expected);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(options.timeoutMinutes());
        while (true) {
            long now = paymentsRecorded();
            bar.update(Math.min(now, base));
            if (now >= expected) {
                bar.done();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("risk-service took in " + now + " of " + expected + " repayment records within "
                        + options.timeoutMinutes() + " min");
            }
            Thread.sleep(1000);
        }
    }

    private JsonNode train(List<UciRecord> train, Map<Integer, UUID> customers) throws Exception {
        List<Map<String, String>> outcomes = new ArrayList<>(train.size());
        for (UciRecord r : train) {
            outcomes.add(Map.of("customerId", customers.get(r.id()).toString(), "outcome", r.defaulted() ? "CHURNED_INVOLUNTARY" : "RETAINED"));
        }
        Map<String, Object> body = Map.of("algorithm", options.algorithm(), "churnType", "INVOLUNTARY", "seed", options.splitSeed(),
                "outcomes", outcomes);
        say("training %s on %,d customers through POST /models/train ...", options.algorithm(), train.size());
        return send(request(URI.create(options.riskUrl() + "/models/train")).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private void activate(String version) throws Exception {
        // four eyes: the replay's analyst requests (shown the comparison with the model already active, if any), a second approves
        URI requestUri = URI.create(options.riskUrl() + "/models/" + version + "/activation-request");
        HttpResponse<String> asked = http.send(request(requestUri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (asked.statusCode() == 422) {
            // an earlier replay's model on the same stack scored better on its own hold-out: this run measures the new one
            say("risk-service compares: %s; forcing the activation for this replay run", JSON.readTree(asked.body()).path("detail").asText());
            send(request(requestUri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"force\":true,\"reason\":\"real-data replay, split seed " + options.splitSeed() + "\"}")));
        } else {
            parse(requestUri.toString(), asked);
        }
        JsonNode activated = send(HttpRequest.newBuilder(URI.create(options.riskUrl() + "/models/" + version + "/activate"))
                .header("Authorization", "Bearer " + approverToken).timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.noBody()));
        long total = activated.path("rescoring").path("total").asLong(1);
        ProgressBar bar = new ProgressBar("re-scoring with the model", total);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(options.timeoutMinutes());
        while (true) {
            JsonNode progress = get(options.riskUrl() + "/models/" + version).get("rescoring");
            bar.update(progress.get("done").asLong());
            if (progress.get("finished").asBoolean()) {
                bar.done();
                if (progress.get("done").asLong() < progress.get("total").asLong()) {
                    throw new IllegalStateException("re-scoring stopped at " + progress.get("done") + " of " + progress.get("total")
                            + ": see risk-service's log");
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("re-scoring did not finish within " + options.timeoutMinutes() + " min");
            }
            Thread.sleep(500);
        }
    }

    private Map<Integer, Double> readScores(List<UciRecord> test, Map<Integer, UUID> customers, String version) throws Exception {
        ProgressBar bar = new ProgressBar("reading scores", test.size());
        Map<Integer, Double> scores = new java.util.concurrent.ConcurrentHashMap<>();
        forEachConcurrently(test, r -> getAsync(options.riskUrl() + "/risk/customers/" + customers.get(r.id()) + "/score").thenApply(json -> {
            if (!json.get("modelVersion").asText().contains(version)) {
                throw new IllegalStateException("customer " + r.id() + " is scored by " + json.get("modelVersion") + ", not " + version);
            }
            scores.put(r.id(), json.get("involuntaryScore").asDouble());
            return null;
        }), bar);
        bar.done();
        return scores;
    }

    private void writeCsv(List<UciRecord> test, Map<Integer, Double> scores) throws IOException {
        Path out = options.out().toAbsolutePath();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("ID,score,label");
            for (UciRecord r : test) {
                w.printf("%d,%s,%d%n", r.id(), BigDecimal.valueOf(scores.get(r.id())).toPlainString(), r.defaulted() ? 1 : 0);
            }
        }
    }

    /** Runs {@code call} for every item with at most {@link #IN_FLIGHT} requests at a time; fails on the first error. */
    private <T> void forEachConcurrently(List<T> items, Function<T, CompletableFuture<Void>> call, ProgressBar bar) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong done = new AtomicLong();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (T item : items) {
            if (!errors.isEmpty()) {
                break;
            }
            slots.acquire();
            call.apply(item).whenComplete((ok, error) -> {
                if (error != null) {
                    errors.add(error);
                }
                bar.update(done.incrementAndGet());
                slots.release();
            });
        }
        slots.acquire(IN_FLIGHT);
        if (!errors.isEmpty()) {
            Throwable e = errors.get(0);
            throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    private CompletableFuture<JsonNode> post(String url, Object body) {
        try {
            HttpRequest request = request(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> parse(url, r));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<JsonNode> getAsync(String url) {
        HttpRequest request = request(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> parse(url, r));
    }

    private JsonNode get(String url) throws Exception {
        return send(request(URI.create(url)).timeout(Duration.ofSeconds(60)).GET());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        return parse(built.uri().toString(), http.send(built, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode parse(String url, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + " answered something that is not JSON", e);
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
        System.out.flush();
    }

}
