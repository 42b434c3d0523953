package com.lendkeep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table: every figure with its load average and the target it answers. Written between the
 * markers {@code <!-- bench:begin -->} and {@code <!-- bench:end -->} of docs/performance.md (the
 * rest of that file is prose kept by hand), and in full to bench/target/.
 */
final class Report {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private final Bench.Options o;
    private final List<String> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final Map<String, Double> startup = new LinkedHashMap<>();
    private final Map<String, Double> rssAtStart = new LinkedHashMap<>();
    private final Map<String, Double> rssAfter = new LinkedHashMap<>();
    private final List<String> growthRows = new ArrayList<>();
    private Double growthFirst;
    private Double growthLast;
    private String stackRow;
    private String stackAfterRow;
    private double startupLoad;

    Report(Bench.Options o) {
        this.o = o;
    }

    void note(String key, String text) {
        notes.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
    }

    void detail(String markdown) {
        details.add(markdown);
    }

    void startup(String service, double seconds, double rssMb, double load) {
        startup.put(service, seconds);
        rssAtStart.put(service, rssMb);
        startupLoad = Math.max(startupLoad, load);
    }

    void stack(double pgSeconds, double kafkaSeconds, double servicesSeconds, double pgMb, double kafkaMb, double servicesMb, double load) {
        stackRow = row("Whole local stack: start-up (PostgreSQL + Kafka + the four services one after the other) and memory when ready",
                f("%.1f s (PostgreSQL %.1f, Kafka %.1f, services %.1f); %.0f MB (PostgreSQL %.0f PSS, Kafka %.0f, services %.0f)",
                        pgSeconds + kafkaSeconds + servicesSeconds, pgSeconds, kafkaSeconds, servicesSeconds, pgMb + kafkaMb + servicesMb, pgMb,
                        kafkaMb, servicesMb), "-", "-", load);
    }

    void pipeline(long events, int customers, double produced, double consumer, double jdbc, Pipeline.Run run, double load, String statements) {
        double slower = Math.min(consumer, jdbc);
        rows.add(row(f("1. Pipeline: risk-service consumes, scores and stores %,d repayment events of %,d customers", events, customers),
                f("**%,.0f events/s** (%.1f us/event; %.3f CPU-ms/event: service %.3f, of which JIT compilation %.3f, + PostgreSQL %.3f)",
                        run.eventsPerSecond(), run.wallUsPerEvent(), run.cpuMsPerEvent(), run.serviceCpuSeconds() * 1000 / events,
                        run.serviceJitSeconds() * 1000 / events, run.postgresCpuSeconds() * 1000 / events),
                "-", "-", load));
        rows.add(row("1. Limit: plain Kafka consumer, same topic", f("%,.0f events/s", consumer), "-", "-", load));
        rows.add(row("1. Limit: plain JDBC batch upserts of the same per-customer rows (batches of 500, one transaction each)",
                f("%,.0f events/s", jdbc), "-", "-", load));
        double share = run.eventsPerSecond() / slower;
        rows.add(row("1. **Pipeline / slower limit** (" + (jdbc < consumer ? "JDBC" : "Kafka") + ")", f("**%.0f %%**", 100 * share), ">= 50 %",
                share >= 0.5 ? "yes" : f("no (%.0f points short)", 100 * (0.5 - share)), load));
        details.add("### Pipeline: the database statements that took the most time (pg_stat_statements, " + f("%,d", events)
                + " events)\n\n" + statements);
        note("pipeline", f("events produced at %,.0f/s (before risk-service started)", produced));
    }

    void latency(int probes, int measured, double backgroundRate, double p50, double p99, double max, double load) {
        rows.add(row(f("2. Alert latency: PAYMENT_MISSED published to intervention visible in retention-service (%d of %d probes, "
                + "background %,.0f events/s)", measured, probes, backgroundRate), f("p50 %.0f ms, **p99 %.0f ms**, max %.0f ms", p50, p99, max),
                "p99 < 250 ms", measured < probes ? f("no (%d probes without intervention)", probes - measured)
                        : p99 < 250 ? "yes" : f("no (+%.0f ms)", p99 - 250), load));
    }

    void rest(Map<String, List<Wrk.Result>> results, int connections, int seconds) {
        restRatio(results, "GET /customers/{id}", "customer ping", connections, seconds);
        restRatio(results, "POST /loans/{id}/repayments", "loan ping", connections, seconds);
        StringBuilder sb = new StringBuilder("### REST rounds (wrk -t2 -c" + connections + " -d" + seconds + "s, each round endpoint after ping)\n\n"
                + "| endpoint | requests/s per round | p99 ms per round | non-2xx |\n|---|---|---|---:|\n");
        for (var e : results.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ")
                    .append(String.join(", ", e.getValue().stream().map(r -> f("%,.0f", r.rps())).toList())).append(" | ")
                    .append(String.join(", ", e.getValue().stream().map(r -> f("%.1f", r.p99Ms())).toList())).append(" | ")
                    .append(e.getValue().stream().mapToLong(Wrk.Result::errors).sum()).append(" |\n");
        }
        details.add(sb.toString());
    }

    private void restRatio(Map<String, List<Wrk.Result>> results, String endpoint, String ping, int connections, int seconds) {
        List<Wrk.Result> e = results.get(endpoint);
        List<Wrk.Result> p = results.get(ping);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            ratios.add(e.get(i).rps() / p.get(i).rps());
        }
        double ratio = median(ratios);
        long errors = e.stream().mapToLong(Wrk.Result::errors).sum();
        rows.add(row(f("3. REST %s vs /ping of the same service (wrk, %d connections, %d rounds of %d s, medians)", endpoint, connections,
                e.size(), seconds), f("%,.0f vs %,.0f requests/s: **%.0f %%**; p99 %.1f ms vs %.1f ms%s", median(e.stream().map(Wrk.Result::rps).toList()),
                        median(p.stream().map(Wrk.Result::rps).toList()), 100 * ratio, median(e.stream().map(Wrk.Result::p99Ms).toList()),
                        median(p.stream().map(Wrk.Result::p99Ms).toList()), errors > 0 ? f("; %d non-2xx", errors) : ""),
                ">= 50 %", ratio >= 0.5 && errors == 0 ? "yes" : f("no (%.0f points short%s)", 100 * (0.5 - ratio), errors > 0 ? ", errors" : ""),
                Sys.load1()));
    }

    void memoryAfter(String service, double mb) {
        rssAfter.merge(service, mb, Math::max);
    }

    void memoryAfterStack(double pgMb, double kafkaMb, double load) {
        double services = rssAfter.values().stream().mapToDouble(Double::doubleValue).sum();
        stackAfterRow = row("Whole local stack: memory after the benchmark", f("%.0f MB (PostgreSQL %.0f PSS, Kafka %.0f, services %.0f)",
                pgMb + kafkaMb + services, pgMb, kafkaMb, services), "-", "-", load);
    }

    void growth(int customers, long events, Pipeline.Run run, double load) {
        double cost = run.cpuMsPerEvent();
        if (growthFirst == null) {
            growthFirst = cost;
        }
        growthLast = cost;
        growthRows.add(f("| %,d | %,d | %,.0f | %.1f | %.3f | %.2f |", customers, events, run.eventsPerSecond(), run.wallUsPerEvent(), cost, load));
    }

    void scaleOut(long events, int partitions, Pipeline.Run one, Pipeline.Run two, Map<String, List<String>> owners, Map<String, long[]> counts,
            double load) {
        boolean shared = owners.size() == 2 && owners.values().stream().noneMatch(List::isEmpty);
        boolean equal = counts.values().stream().allMatch(c -> c[0] == c[1] && c[1] == c[2]);
        rows.add(row(f("Scale-out: %,d events on %d partitions, one risk-service vs two in one consumer group", events, partitions),
                f("%,.0f vs **%,.0f events/s (x%.2f)**; partitions %s; counts published / processed / in features: %s", one.eventsPerSecond(),
                        two.eventsPerSecond(), two.eventsPerSecond() / one.eventsPerSecond(), Pipeline.joinAssignment(owners),
                        String.join(", ", counts.entrySet().stream().map(e -> f("%,d / %,d / %,d", e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                                .toList())),
                "shared, more than one, counts equal", shared && equal && two.eventsPerSecond() > one.eventsPerSecond() ? "yes"
                        : f("no (%s%s%s)", shared ? "" : "not shared ", equal ? "" : "counts differ ",
                                two.eventsPerSecond() > one.eventsPerSecond() ? "" : "not faster"),
                load));
    }

    void closeOfBusinessCrash(int loans, int chunksAtKill, int queuedAtKill, String check, boolean ok, double seconds, double load) {
        rows.add(row(f("6. Close of business over %,d loans killed (SIGKILL) after %d chunks of 100, restarted and resumed", loans,
                chunksAtKill), f("%,d loans still queued at the kill; after the resume: %s; %.0f s in all", queuedAtKill, check, seconds),
                "each loan's day closed exactly once", ok ? "yes" : "**no**", load));
    }

    void closeOfBusiness(int loans, double seconds, long missed, long events, double rssBefore, double rssMax, double serviceCpu,
            double postgresCpu, double postgresMb, double load) {
        // the goal is stated for 1,000,000 loans; a smaller book is held to the same rate
        double limit = 600.0 * loans / 1_000_000;
        rows.add(row(f("6. Close of business over %,d loans, every one missing its first installment (chunks of 500, one "
                + "transaction each)", loans), f("**%.1f s** (%,.0f loans/s); %,d missed payments, %,d events; loan-service %.0f MB "
                + "resident before, at most %.0f MB during; CPU %.0f s loan-service + %.0f s PostgreSQL; PostgreSQL %.0f MB after",
                seconds, loans / seconds, missed, events, rssBefore, rssMax, serviceCpu, postgresCpu, postgresMb),
                f("1,000,000 loans < 10 min (here < %.0f s)", limit), seconds < limit ? "yes" : f("no (+%.0f s)", seconds - limit), load));
    }

    void write(Path root) throws IOException {
        StringBuilder t = new StringBuilder();
        String when = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        t.append(f("Last run: %s%s, scale %s (%,d pipeline events, %,d customers), JVM flags `%s` (JDK %d), environment `%s`.%n%n", when,
                o.label.isEmpty() ? "" : " (" + o.label + ")", o.scale == 1 ? "full" : String.valueOf(o.scale), o.events, o.customers,
                String.join(" ", Services.JVM_FLAGS), Runtime.version().feature(),
                Services.MALLOC_ENV.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "))));
        t.append("| measure | result | target | met | load (1 min) |\n|---|---|---|---|---:|\n");
        rows.forEach(r -> t.append(r).append('\n'));
        if (!startup.isEmpty()) {
            for (String s : startup.keySet()) {
                double after = rssAfter.getOrDefault(s, Double.NaN);
                boolean ok = startup.get(s) < 5 && (Double.isNaN(after) || after < 300);
                t.append(row(f("4. %s: time to ready (empty schema, Flyway included), memory when ready / after the benchmark", s),
                        f("%.2f s; %.0f MB / %s", startup.get(s), rssAtStart.get(s), Double.isNaN(after) ? "-" : f("%.0f MB", after)),
                        "< 5 s, < 300 MB", ok ? "yes" : f("no (%s)", startup.get(s) >= 5 ? f("+%.2f s", startup.get(s) - 5) : f("+%.0f MB", after - 300)),
                        startupLoad)).append('\n');
            }
        }
        if (stackRow != null) {
            t.append(stackRow).append('\n');
        }
        if (stackAfterRow != null) {
            t.append(stackAfterRow).append('\n');
        }
        if (!growthRows.isEmpty()) {
            double ratio = growthLast / growthFirst;
            t.append(row("5. Growth: CPU cost per event (risk-service + PostgreSQL) at the most customers vs the fewest",
                    f("x%.2f (table below)", ratio), "<= x1.5", ratio <= 1.5 ? "yes" : f("no (x%.2f over)", ratio - 1.5), Sys.load1())).append('\n');
            t.append("\n| customers | events | events/s | wall us/event | CPU-ms/event | load |\n|---:|---:|---:|---:|---:|---:|\n");
            growthRows.forEach(g -> t.append(g).append('\n'));
        }
        t.append('\n');
        for (var e : notes.entrySet()) {
            t.append("- ").append(e.getKey()).append(": ").append(String.join("; ", e.getValue())).append('\n');
        }
        t.append('\n');
        details.forEach(d -> t.append(d).append('\n'));

        Path out = o.out.isAbsolute() ? o.out : root.resolve(o.out);
        String doc = Files.exists(out) ? Files.readString(out) : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        if (b < 0 || e < b) {
            doc = doc + "\n" + BEGIN + "\n" + END + "\n";
            b = doc.indexOf(BEGIN);
            e = doc.indexOf(END);
        }
        Files.writeString(out, doc.substring(0, b + BEGIN.length()) + "\n" + t + doc.substring(e));
        Path copy = root.resolve("bench/target/bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, t.toString());
        System.out.println(t);
    }

    private static String row(String measure, String result, String target, String met, double load) {
        return "| " + measure + " | " + result + " | " + target + " | " + met + " | " + f("%.2f", load) + " |";
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
