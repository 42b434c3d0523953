package com.lendkeep.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The benchmark's phases, in the order Bench runs them. */
final class Phases {

    private static final String[] CHANNELS = {"REPAYMENT_EVENTS", "CREDIT_SCORE_EVENTS", "CONTACT_EVENTS", "LOAN_EVENTS", "CUSTOMER_EVENTS"};

    private final Bench b;
    private final Report r;
    private final Bench.Options o;
    private Events main;

    Phases(Bench b) {
        this.b = b;
        this.r = b.report;
        this.o = b.o;
    }

    /** Each service started alone on the empty database (Flyway migrates its schema), time to ready and memory. */
    void startup() throws Exception {
        double total = 0;
        double rss = 0;
        for (String s : List.of("customer-service", "loan-service", "risk-service", "retention-service")) {
            Services.Instance i = b.services.start(s, s, Map.of());
            Thread.sleep(1000);
            double mb = Sys.rssMb(i.pid());
            Bench.log("%s ready in %.2f s, %.0f MB resident (load %s)", s, i.readySeconds(), mb, Sys.loads());
            r.startup(s, i.readySeconds(), mb, Sys.load1());
            total += i.readySeconds();
            rss += mb;
        }
        double kafkaMb = Sys.rssMb(b.infra.kafka.pid());
        double pgMb = b.infra.postgresMb();
        r.stack(b.infra.postgresStartSeconds, b.infra.kafkaStartSeconds, total, pgMb, kafkaMb, rss, Sys.load1());
    }

    /**
     * 1. The event pipeline against the two limits, on the same data. risk-service runs on its own
     * database and topics (the other services would otherwise consume the same repayment topic and
     * share the two cores); the JDBC limit runs afterwards in that database, on a copy of its table.
     */
    void pipeline() throws Exception {
        main = new Events(1, o.customers, o.events);
        String name = "pipeline";
        String topic = topicOf(name);
        b.infra.createDatabase(name);
        Pipeline.createTopic(b.infra.bootstrap(), topic, o.partitions);
        Bench.log("producing %,d repayment events for %,d customers to %s (%d partitions)", o.events, o.customers, topic, o.partitions);
        double produced = Pipeline.produce(b.infra.bootstrap(), topic, main);
        Bench.log("  produced at %,.0f events/s", produced);
        Thread.sleep(2000);
        double load0 = Sys.load1();
        double consumer = Pipeline.plainConsumer(b.infra.bootstrap(), topic, o.events);
        Bench.log("limit 1, plain Kafka consumer: %,.0f events/s (load %s)", consumer, Sys.loads());
        try (Connection c = b.infra.connect(name)) {
            Pipeline.resetStatements(c);
        }
        Pipeline.Run run = isolatedRun(name, main, o.partitions, 1, false, o.jfr ? b.infra.dir.resolve("risk-pipeline.jfr") : null);
        double load = Sys.load1();
        String statements;
        double jdbc;
        try (Connection c = b.infra.connect(name)) {
            statements = Pipeline.topStatements(c, o.events, 12);
            jdbc = Pipeline.plainJdbc(c, main);
        }
        Bench.log("limit 2, plain JDBC batch upserts: %,.0f events/s (load %s)", jdbc, Sys.loads());
        Bench.log("pipeline: %,.0f events/s (%.0f%% of the slower limit), %.3f CPU-ms per event (load %s)", run.eventsPerSecond(),
                100 * run.eventsPerSecond() / Math.min(consumer, jdbc), run.cpuMsPerEvent(), Sys.loads());
        r.pipeline(o.events, o.customers, produced, consumer, jdbc, run, Math.max(load0, load), statements);
        if (o.jfr) {
            Path target = b.root.resolve("bench/target/risk-pipeline.jfr");
            Files.copy(b.infra.dir.resolve("risk-pipeline.jfr"), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            r.note("profile", "JFR recording of risk-service during the pipeline: " + target + " (jfr view hot-methods FILE)");
        }
    }

    private static String topicOf(String run) {
        return "bench-" + run.replace('_', '-');
    }

    /** retention-service works through the pipeline's alerts before latency is measured. */
    private void awaitAlertsDrained() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long lag;
            try {
                lag = Pipeline.lag(b.infra.bootstrap(), "retention-service", "churn-risk-alerts");
            } catch (Exception e) {
                lag = 0; // no alert topic: nothing to drain
            }
            if (lag == 0) {
                return;
            }
            Bench.log("  retention-service still has %,d alert events to read", lag);
            Thread.sleep(5000);
        }
    }

    /** 2. Missed payment published to intervention visible in retention-service, under a steady background load. */
    void latency() throws Exception {
        if (main == null) {
            main = new Events(1, o.customers, o.events);
        }
        awaitAlertsDrained();
        Events probes = new Events(2, o.probes, o.probes);
        LocalDate start = Events.FIRST_DUE.minusMonths(1);
        try (KafkaProducer<String, String> p = Pipeline.producer(b.infra.bootstrap(), 0)) {
            for (int i = 0; i < o.probes; i++) {
                p.send(new ProducerRecord<>("loan-events", probes.customerId(i).toString(),
                        Events.loanOpened(UUID.randomUUID(), probes.customerId(i), probes.loanId(i), start)));
            }
        }
        UUID[] probeLoans = new UUID[o.probes];
        for (int i = 0; i < o.probes; i++) {
            probeLoans[i] = probes.loanId(i);
        }
        try (Connection c = b.infra.connect(Infra.DATABASE)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM retention.loan_fact WHERE loan_id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("uuid", probeLoans));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == o.probes) {
                            break;
                        }
                    }
                }
                Thread.sleep(200);
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong background = new AtomicLong();
        int rate = o.backgroundRate;
        long firstMonth = main.events / main.customers + 1;
        Thread load = Thread.ofPlatform().name("background-load").start(() -> {
            try (KafkaProducer<String, String> p = Pipeline.producer(b.infra.bootstrap(), 1)) {
                long t0 = System.nanoTime();
                long n = 0;
                while (!stop.get()) {
                    long due = (long) ((System.nanoTime() - t0) / 1e9 * rate);
                    while (n < due) {
                        int c = (int) (n % main.customers);
                        LocalDate day = Events.FIRST_DUE.plusMonths(firstMonth + n / main.customers);
                        p.send(new ProducerRecord<>("repayment-events", main.customerId(c).toString(),
                                Events.repayment(UUID.randomUUID(), main.customerId(c), main.loanId(c), day, day, 0, true, "50000.00")));
                        n++;
                    }
                    background.set(n);
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Map<UUID, Long> sent = new ConcurrentHashMap<>();
        Map<UUID, Long> sentWall = new ConcurrentHashMap<>();
        Map<UUID, Long> seen = new ConcurrentHashMap<>();
        Thread poller = Thread.ofPlatform().name("intervention-poller").start(() -> {
            try (Connection c = b.infra.connect(Infra.DATABASE);
                    PreparedStatement ps = c.prepareStatement("SELECT DISTINCT customer_id FROM retention.intervention WHERE customer_id = ANY (?)")) {
                while (!stop.get() || seen.size() < sent.size()) {
                    List<UUID> pending = sent.keySet().stream().filter(k -> !seen.containsKey(k)).toList();
                    if (!pending.isEmpty()) {
                        ps.setArray(1, c.createArrayOf("uuid", pending.toArray()));
                        try (ResultSet rs = ps.executeQuery()) {
                            long now = System.nanoTime();
                            while (rs.next()) {
                                seen.putIfAbsent(rs.getObject(1, UUID.class), now);
                            }
                        }
                    }
                    Thread.sleep(2);
                    if (stop.get() && pending.isEmpty()) {
                        break;
                    }
                }
            } catch (Exception e) {
                Bench.log("poller: %s", e);
            }
        });
        Thread.sleep(5000); // the background load settles
        double loadAvg = Sys.load1();
        long bg0 = background.get();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> p = Pipeline.producer(b.infra.bootstrap(), 0)) {
            for (int i = 0; i < o.probes; i++) {
                UUID customer = probes.customerId(i);
                String value = Events.missed(UUID.randomUUID(), customer, probes.loanId(i), 1, Events.FIRST_DUE, 31, "20000.00");
                sent.put(customer, System.nanoTime());
                sentWall.put(customer, System.currentTimeMillis());
                p.send(new ProducerRecord<>("repayment-events", customer.toString(), value));
                Thread.sleep(250);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < sent.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double bgRate = (background.get() - bg0) / ((System.nanoTime() - t0) / 1e9);
        String lags = "";
        for (String group : List.of("risk-service", "customer-service")) {
            try {
                lags += group + " " + Pipeline.lag(b.infra.bootstrap(), group, "repayment-events") + " events behind; ";
            } catch (Exception e) {
                lags += group + " lag unknown; ";
            }
        }
        stop.set(true);
        load.join();
        poller.join(10_000);
        List<Double> ms = new ArrayList<>();
        for (var e : sent.entrySet()) {
            Long s = seen.get(e.getKey());
            if (s != null) {
                ms.add((s - e.getValue()) / 1e6);
            }
        }
        Collections.sort(ms);
        loadAvg = Math.max(loadAvg, Sys.load1());
        Bench.log("alert latency over %d of %d probes at %,.0f background events/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms (load %s)",
                ms.size(), sent.size(), bgRate, pct(ms, 50), pct(ms, 99), ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1), Sys.loads());
        r.latency(sent.size(), ms.size(), bgRate, pct(ms, 50), pct(ms, 99), ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1), loadAvg);
        r.note("alert latency", "at the end of the probes on repayment-events: " + lags + "where the time goes (medians, from the "
                + "rows' own timestamps): " + stages(sentWall));
    }

    /** Publication to alert raised (risk-service), to case received (retention-service), to intervention proposed. */
    private String stages(Map<UUID, Long> sentWall) throws Exception {
        UUID[] ids = sentWall.keySet().toArray(UUID[]::new);
        Map<UUID, Long> raised = times("SELECT customer_id, min(raised_at) FROM risk.churn_alert WHERE customer_id = ANY (?) GROUP BY 1", ids);
        // the relay's transaction time of the alert's outbox row: when it picked the event up to publish it
        Map<UUID, Long> relayed = times("SELECT message_key::uuid, min(published_at) FROM risk.outbox_event WHERE event_type = "
                + "'CHURN_RISK_ALERT_RAISED' AND message_key::uuid = ANY (?) GROUP BY 1", ids);
        Map<UUID, Long> received = times("SELECT customer_id, min(received_at) FROM retention.alert_case WHERE customer_id = ANY (?) GROUP BY 1", ids);
        Map<UUID, Long> proposed = times("SELECT customer_id, min(proposed_at) FROM retention.intervention WHERE customer_id = ANY (?) GROUP BY 1", ids);
        List<Double> a = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> k = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        List<UUID> bySent = sentWall.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        List<String> slowest = new ArrayList<>();
        for (UUID id : ids) {
            if (raised.containsKey(id)) {
                a.add((double) (raised.get(id) - sentWall.get(id)));
                if (received.containsKey(id)) {
                    c.add((double) (received.get(id) - raised.get(id)));
                    if (relayed.containsKey(id)) {
                        r.add((double) (relayed.get(id) - raised.get(id)));
                        k.add((double) (received.get(id) - relayed.get(id)));
                    }
                    if (proposed.containsKey(id)) {
                        d.add((double) (proposed.get(id) - received.get(id)));
                        slowest.add(String.format(java.util.Locale.ROOT, "%07d probe %d: %d ms to alert, %s ms to relay, %s ms to retention, %d ms to intervention",
                                proposed.get(id) - sentWall.get(id), bySent.indexOf(id) + 1, raised.get(id) - sentWall.get(id),
                                relayed.containsKey(id) ? Long.toString(relayed.get(id) - raised.get(id)) : "?",
                                relayed.containsKey(id) ? Long.toString(received.get(id) - relayed.get(id)) : "?", proposed.get(id) - received.get(id)));
                    }
                }
            }
        }
        Collections.sort(a);
        Collections.sort(r);
        Collections.sort(k);
        Collections.sort(c);
        Collections.sort(d);
        slowest.sort(Collections.reverseOrder());
        String worst = String.join("; ", slowest.subList(0, Math.min(3, slowest.size())).stream().map(x -> x.substring(8)).toList());
        return String.format(java.util.Locale.ROOT, "published to alert raised in risk-service %.0f ms (p99 %.0f); raised to case received by "
                + "retention-service (outbox relay, Kafka, retention's consumer) %.0f ms (p99 %.0f), of which raised to picked up by the relay "
                + "%.0f ms (p99 %.0f) and picked up to received %.0f ms (p99 %.0f); received to intervention proposed %.0f ms (p99 %.0f); "
                + "slowest probes (in order sent): %s", pct(a, 50), pct(a, 99), pct(c, 50), pct(c, 99), pct(r, 50), pct(r, 99), pct(k, 50),
                pct(k, 99), pct(d, 50), pct(d, 99), worst);
    }

    private Map<UUID, Long> times(String sql, UUID[] ids) throws Exception {
        Map<UUID, Long> t = new HashMap<>();
        try (Connection c = b.infra.connect(Infra.DATABASE); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).getTime());
                }
            }
        }
        return t;
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** 3. wrk on loopback: the real endpoints against /ping of the same service, alternating, several rounds. */
    void rest() throws Exception {
        Path wrk = Wrk.find();
        Services.Instance customers = b.services.get("customer-service");
        Services.Instance loans = b.services.get("loan-service");
        HttpClient http = HttpClient.newHttpClient();
        List<String> customerIds = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String body = "{\"type\":\"INDIVIDUAL\",\"fullName\":\"Bench Customer " + i + "\",\"nationalId\":\"BENCH" + i + "X"
                    + System.nanoTime() % 100000 + "\",\"email\":\"bench" + i + "@example.com\",\"relationshipSince\":\"2020-01-01\","
                    + "\"industry\":\"RETAIL\",\"annualIncome\":40000}";
            customerIds.add(field(post(http, customers.url() + "/customers", body, null), "id"));
        }
        String businessDate = field(get(http, loans.url() + "/business-date"), "date");
        List<String> loanIds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = "{\"customerId\":\"" + customerIds.get(i) + "\",\"principal\":500000.00,\"annualRate\":0.06,\"termMonths\":60,"
                    + "\"startDate\":\"" + businessDate + "\",\"method\":\"ANNUITY\"}";
            loanIds.add(field(postLoan(http, loans.url() + "/loans", body, "bench-loan-" + UUID.randomUUID()), "id"));
        }
        Path scripts = b.infra.dir.resolve("wrk");
        Files.createDirectories(scripts);
        Path getCustomer = Wrk.script(scripts, "get-customer.lua", b.token, "GET", "/customers/", "", customerIds, false);
        Path repay = Wrk.script(scripts, "post-repayment.lua", b.token, "POST", "/loans/", "/repayments", loanIds, true);
        Path ping = Wrk.script(scripts, "ping.lua", b.token, "GET", "/ping", "", List.of(""), false);
        Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
        try (Connection c = b.infra.connect(Infra.DATABASE)) {
            Pipeline.resetStatements(c);
        }
        for (int round = 0; round < o.restRounds; round++) {
            results.computeIfAbsent("customer ping", k -> new ArrayList<>()).add(Wrk.run(wrk, customers.url(), ping, o.restConnections, o.restSeconds));
            results.computeIfAbsent("GET /customers/{id}", k -> new ArrayList<>()).add(Wrk.run(wrk, customers.url(), getCustomer,
                    o.restConnections, o.restSeconds));
            results.computeIfAbsent("loan ping", k -> new ArrayList<>()).add(Wrk.run(wrk, loans.url(), ping, o.restConnections, o.restSeconds));
            results.computeIfAbsent("POST /loans/{id}/repayments", k -> new ArrayList<>()).add(Wrk.run(wrk, loans.url(), repay,
                    o.restConnections, o.restSeconds));
            Bench.log("REST round %d: %s (load %s)", round + 1, results.entrySet().stream()
                    .map(e -> e.getKey() + " " + Math.round(e.getValue().getLast().rps()) + "/s p99 " + e.getValue().getLast().p99Ms() + " ms")
                    .toList(), Sys.loads());
        }
        long requests = results.values().stream().flatMap(List::stream).mapToLong(Wrk.Result::requests).sum();
        try (Connection c = b.infra.connect(Infra.DATABASE)) {
            r.detail("### REST: the database statements that took the most time (pg_stat_statements; per-request column relative to all "
                    + String.format(java.util.Locale.ROOT, "%,d", requests) + " wrk requests, pings included)\n\n" + Pipeline.topStatements(c, requests, 12));
        }
        r.rest(results, o.restConnections, o.restSeconds);
    }

    /** Resident memory of every service after the pipeline, latency and REST phases. */
    void memoryAfter() throws IOException {
        if (b.services.all().isEmpty()) {
            return;
        }
        for (Services.Instance i : b.services.all()) {
            r.memoryAfter(i.service(), Sys.rssMb(i.pid()));
        }
        r.memoryAfterStack(b.infra.postgresMb(), Sys.rssMb(b.infra.kafka.pid()), Sys.load1());
    }

    /** 5. The pipeline with 10k, 100k and 1M customers: fresh database and topic each, risk-service alone. */
    void growth() throws Exception {
        for (Services.Instance i : b.services.all()) {
            b.services.stop(i.name());
        }
        for (int customers : o.growth) {
            long events = Math.max(o.growthEvents, customers);
            String name = "growth_" + customers;
            Events ev = new Events(100 + customers, customers, events);
            Pipeline.Run run = isolatedRun(name, ev, o.partitions, 1);
            Bench.log("growth %,d customers, %,d events: %,.0f events/s, %.1f us/event wall, %.3f CPU-ms/event (load %s)", customers,
                    events, run.eventsPerSecond(), run.wallUsPerEvent(), run.cpuMsPerEvent(), Sys.loads());
            r.growth(customers, events, run, Sys.load1());
        }
    }

    /** Scale-out: the same events with one risk-service, then two in one consumer group (each on a fresh database). */
    void scaleOut() throws Exception {
        for (Services.Instance i : b.services.all()) {
            b.services.stop(i.name());
        }
        long events = o.scaleOutEvents;
        int customers = (int) Math.max(1000, events / 10);
        Events ev = new Events(7, customers, events);
        Pipeline.Run one = isolatedRun("scaleout_1", ev, o.scaleOutPartitions, 1);
        checkCounts("scaleout_1", events);
        Pipeline.Run two = isolatedRun("scaleout_2", ev, o.scaleOutPartitions, 2);
        Map<String, List<String>> owners = lastAssignment;
        checkCounts("scaleout_2", events);
        Bench.log("scale-out: one instance %,.0f events/s, two %,.0f events/s (x%.2f); partitions %s (load %s)", one.eventsPerSecond(),
                two.eventsPerSecond(), two.eventsPerSecond() / one.eventsPerSecond(), Pipeline.joinAssignment(owners), Sys.loads());
        r.scaleOut(events, o.scaleOutPartitions, one, two, owners, counts, Sys.load1());
    }

    private volatile Map<String, List<String>> lastAssignment = Map.of();
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    private void checkCounts(String db, long events) throws Exception {
        try (Connection c = b.infra.connect(db)) {
            long processed = Bench.count(c, "SELECT count(*) FROM risk.processed_event");
            long effects = Bench.count(c, "SELECT coalesce(sum(payments_total + missed_total), 0) FROM risk.customer_risk");
            counts.put(db, new long[] {events, processed, effects});
            Bench.log("  %s: %,d published, %,d recorded as processed, %,d counted in the customers' features", db, events, processed, effects);
        }
    }

    /**
     * One pipeline run on its own database and topic with {@code instances} risk-service processes in
     * one consumer group (their other channels in that group too, so nothing else is shared).
     */
    private Pipeline.Run isolatedRun(String name, Events ev, int partitions, int instances) throws Exception {
        return isolatedRun(name, ev, partitions, instances, true, null);
    }

    private Pipeline.Run isolatedRun(String name, Events ev, int partitions, int instances, boolean produce, Path jfr) throws Exception {
        String topic = topicOf(name);
        String group = "risk-" + name.replace('_', '-');
        if (produce) {
            b.infra.createDatabase(name);
            Pipeline.createTopic(b.infra.bootstrap(), topic, partitions);
            double produced = Pipeline.produce(b.infra.bootstrap(), topic, ev);
            Bench.log("%s: %,d events for %,d customers produced at %,.0f/s to %s (%d partitions)", name, ev.events, ev.customers, produced,
                    topic, partitions);
        }
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", name);
        for (String ch : CHANNELS) {
            // the other four channels read empty topics of their own: only this run's events reach this database
            env.put("MP_MESSAGING_INCOMING_" + ch + "_TOPIC", ch.equals("REPAYMENT_EVENTS") ? topic : topic + "-" + ch.toLowerCase());
            env.put("MP_MESSAGING_INCOMING_" + ch + "_GROUP_ID", group);
        }
        if (jfr != null) {
            b.services.addJvmFlag("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        double pgCpu0 = b.infra.postgresCpuSeconds();
        List<Services.Instance> started = new ArrayList<>();
        List<Thread> starters = new ArrayList<>();
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i <= instances; i++) {
            String instance = Bench.RISK + "#" + name + "-" + i;
            starters.add(Thread.ofPlatform().start(() -> {
                try {
                    Services.Instance s = b.services.start(instance, Bench.RISK, env);
                    synchronized (started) {
                        started.add(s);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : starters) {
            t.join();
        }
        b.services.clearJvmFlags();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        List<Long> pids = started.stream().map(Services.Instance::pid).toList();
        double cpu0 = pids.stream().mapToDouble(Sys::cpuSeconds).sum();
        double jit0 = pids.stream().mapToDouble(Sys::jitCpuSeconds).sum();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = null;
        if (instances > 1) {
            // A rebalance moves partitions in steps (cooperative): watch the group during the run and
            // keep the assignment with the most owners, as it stood once the instances settled.
            lastAssignment = Map.of();
            watcher = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    try {
                        Map<String, List<String>> owners = Pipeline.assignment(b.infra.bootstrap(), group, topic);
                        int owned = owners.values().stream().mapToInt(List::size).sum();
                        int best = lastAssignment.values().stream().mapToInt(List::size).sum();
                        if (owners.size() > lastAssignment.size() || (owners.size() == lastAssignment.size() && owned > best)) {
                            lastAssignment = owners;
                            Bench.log("  consumer group %s: %s", group, Pipeline.joinAssignment(owners));
                        }
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // the group is rebalancing: ask again
                    }
                }
            });
        }
        Pipeline.Run run;
        try {
            run = Pipeline.await(b.infra, name, 0, ev.events, pids, cpu0, jit0, pgCpu0, Duration.ofMinutes(60));
        } finally {
            running.set(false);
            if (watcher != null) {
                watcher.join(5000);
            }
        }
        for (Services.Instance s : started) {
            b.services.stop(s.name());
        }
        return run;
    }

    private static String post(HttpClient http, String url, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + BenchToken.value).POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            req.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + resp.statusCode() + ": " + resp.body());
        }
        return resp.body();
    }

    /**
     * Books a loan for a customer just registered in customer-service: loan-service learns customers
     * from customer-events a moment later and answers 422 naming customerId until then.
     */
    private static String postLoan(HttpClient http, String url, String body, String idempotencyKey) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return post(http, url, body, idempotencyKey);
            } catch (IllegalStateException e) {
                boolean customerNotYetKnown = e.getMessage().contains(" answered 422: ") && e.getMessage().contains("customerId");
                if (!customerNotYetKnown || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + BenchToken.value)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + url + " answered " + resp.statusCode() + ": " + resp.body());
        }
        return resp.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The bearer token every request carries (services check it once authentication lands). */
    static final class BenchToken {
        static volatile String value = "";
    }
}
