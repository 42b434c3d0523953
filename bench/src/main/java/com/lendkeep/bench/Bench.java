package com.lendkeep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.lendkeep.infra.LocalJwt;

/**
 * One command, one table: the event pipeline against this machine's own limits, alert latency under
 * load, REST against a trivial endpoint of the same service, start-up and memory, growth with the
 * number of customers, and two risk-service instances sharing the partitions. Run it with
 * {@code bin/bench} (see docs/performance.md); {@code --help} lists the options.
 */
public final class Bench {

    static final String RISK = "risk-service";

    final Options o;
    final Path root;
    final Report report;
    Infra infra;
    Services services;
    String token;

    Bench(Options o) {
        this.o = o;
        this.root = o.root;
        this.report = new Report(o);
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Bench b = new Bench(o);
        Runtime.getRuntime().addShutdownHook(new Thread(b::closeQuietly));
        try {
            b.run();
        } finally {
            b.closeQuietly();
        }
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("lendkeep-bench-");
        log("scratch folder %s; load average %s", work, Sys.loads());
        report.note("machine", Runtime.getRuntime().availableProcessors() + " cores; load average at start " + Sys.loads());
        infra = Infra.start(work.resolve("infra"), o.partitions);
        log("PostgreSQL on %d (%.1f s), Kafka on %s (%.1f s)", infra.postgresPort(), infra.postgresStartSeconds, infra.bootstrap(),
                infra.kafkaStartSeconds);
        LocalJwt jwt = LocalJwt.inFolder(work.resolve("jwt"));
        token = jwt.token("bench", List.of("core-banking", "advisor", "retention-manager", "risk-analyst", "admin"), Duration.ofHours(12));
        Phases.BenchToken.value = token;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(infra.postgresPort()));
        env.put("DB_NAME", Infra.DATABASE);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrap());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwt.publicKeyFile().toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalJwt.ISSUER);
        // Every alert becomes an intervention: no control group, a budget that never runs out.
        env.put("CONTROL_GROUP_SHARE", "0");
        env.put("RETENTION_BUDGET_LIMIT", "1000000000.00");
        env.put("LOAN_COB_CRON", "off");
        services = new Services(root, work.resolve("logs"), env);

        Phases phases = new Phases(this);
        // The table is rewritten after every phase, so a phase that fails leaves the others' figures.
        try {
            if (o.has("startup") || o.has("latency") || o.has("rest")) {
                phases.startup();
            }
            if (o.has("pipeline")) {
                phases.pipeline();
                report.write(root);
            }
            if (o.has("latency")) {
                phases.latency();
                report.write(root);
            }
            if (o.has("rest")) {
                phases.rest();
            }
            phases.memoryAfter();
            report.write(root);
            if (o.has("growth")) {
                phases.growth();
                report.write(root);
            }
            if (o.has("scaleout")) {
                phases.scaleOut();
            }
            if (o.has("cobcrash")) {
                new CloseOfBusinessCrashBench(this).run(o.cobCrashLoans);
                report.write(root);
            }
            if (o.has("cob")) {
                for (int loans : o.cobLoans) {
                    new CloseOfBusinessBench(this).run(loans);
                    report.write(root);
                }
            }
        } catch (Exception e) {
            report.note("failed", e.toString());
            throw e;
        } finally {
            report.note("machine", "load average at end " + Sys.loads());
            report.write(root);
        }
        closeQuietly();
        log("done; table written to %s", o.out);
    }

    synchronized void closeQuietly() {
        try {
            if (services != null) {
                services.close();
                services = null;
            }
        } catch (Exception e) {
            log("stopping services: %s", e);
        }
        try {
            if (infra != null) {
                Path data = infra.dir;
                infra.close();
                infra = null;
                deleteTree(data); // Kafka's and PostgreSQL's data (GBs at full scale); the services' logs stay
            }
        } catch (Exception e) {
            log("stopping infrastructure: %s", e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "%s  " + format + "%n",
                prepend(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Command-line options; the defaults are the issue's full scale. */
    static final class Options {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path out = Path.of("docs/performance.md");
        long events = 1_000_000;
        int customers = 100_000;
        List<Integer> growth = List.of(10_000, 100_000, 1_000_000);
        List<Integer> cobLoans = List.of(100_000, 1_000_000);
        int cobCrashLoans = 5_000;
        long growthEvents = 300_000;
        long scaleOutEvents = 300_000;
        int scaleOutPartitions = 6;
        int partitions = 3;
        int probes = 200;
        int backgroundRate = 1000;
        int restSeconds = 15;
        int restRounds = 3;
        int restConnections = 16;
        boolean jfr;
        String label = "";
        Set<String> phases = new LinkedHashSet<>(List.of("startup", "pipeline", "latency", "rest", "growth", "scaleout", "cobcrash", "cob"));

        boolean has(String phase) {
            return phases.contains(phase);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            double scale = 1;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--root" -> { o.root = Path.of(v).toAbsolutePath().normalize(); i++; }
                    case "--out" -> { o.out = Path.of(v); i++; }
                    case "--scale" -> { scale = Double.parseDouble(v); i++; }
                    case "--events" -> { o.events = Long.parseLong(v); i++; }
                    case "--customers" -> { o.customers = Integer.parseInt(v); i++; }
                    case "--growth" -> { o.growth = parseInts(v); i++; }
                    case "--cob-loans" -> { o.cobLoans = parseInts(v); i++; }
                    case "--cob-crash-loans" -> { o.cobCrashLoans = Integer.parseInt(v); i++; }
                    case "--growth-events" -> { o.growthEvents = Long.parseLong(v); i++; }
                    case "--scaleout-events" -> { o.scaleOutEvents = Long.parseLong(v); i++; }
                    case "--partitions" -> { o.partitions = Integer.parseInt(v); i++; }
                    case "--probes" -> { o.probes = Integer.parseInt(v); i++; }
                    case "--rest-seconds" -> { o.restSeconds = Integer.parseInt(v); i++; }
                    case "--rest-rounds" -> { o.restRounds = Integer.parseInt(v); i++; }
                    case "--phases" -> { o.phases = new LinkedHashSet<>(List.of(v.split(","))); i++; }
                    case "--label" -> { o.label = v; i++; }
                    case "--jfr" -> o.jfr = true;
                    case "--help", "-h" -> {
                        System.out.println("""
                                bin/bench [options]   (defaults: the issue's full scale)
                                  --scale F            multiply events, customers, growth and scale-out sizes by F (e.g. 0.05 while developing)
                                  --events N           pipeline events (1000000)        --customers N    their customers (100000)
                                  --growth A,B,C       customers of the growth runs (10000,100000,1000000)
                                  --growth-events N    events per growth run, at least one per customer (300000)
                                  --scaleout-events N  events of the two-instance run (300000), on a topic of 6 partitions
                                  --probes N           missed payments timed to their intervention (200)
                                  --rest-seconds N     wrk duration per endpoint and round (15); --rest-rounds N (3)
                                  --cob-loans A,B      loans of the close-of-business runs (100000,1000000)
                                  --cob-crash-loans N  loans of the close of business killed mid-run and resumed (5000)
                                  --phases LIST        startup,pipeline,latency,rest,growth,scaleout,cobcrash,cob (all; latency and rest start the stack)
                                  --jfr                record risk-service during the pipeline (JFR, profile settings)
                                  --out FILE           where the table goes (docs/performance.md)
                                  --label TEXT         a word for this run in the table's heading""");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
                }
            }
            if (scale != 1) {
                double f = scale;
                o.events = Math.round(o.events * scale);
                o.customers = (int) Math.round(o.customers * scale);
                o.growth = o.growth.stream().map(c -> (int) Math.round(c * f)).toList();
                o.cobLoans = o.cobLoans.stream().map(c -> (int) Math.round(c * f)).toList();
                o.growthEvents = Math.round(o.growthEvents * scale);
                o.scaleOutEvents = Math.round(o.scaleOutEvents * scale);
                o.probes = Math.max(20, (int) Math.round(o.probes * Math.max(scale, 0.25)));
            }
            o.scale = scale;
            return o;
        }

        double scale = 1;

        private static List<Integer> parseInts(String v) {
            List<Integer> list = new ArrayList<>();
            for (String s : v.split(",")) {
                list.add(Integer.parseInt(s.trim()));
            }
            return list;
        }
    }

    static String today() {
        return LocalDate.now().toString();
    }

    static UUID uuid(String s) {
        return UUID.fromString(s);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> column(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void writeString(Path p, String s) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
        Files.writeString(p, s);
    }
}
