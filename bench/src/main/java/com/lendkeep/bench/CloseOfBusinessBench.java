package com.lendkeep.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 6. Close of business over a book of N loans (issue 16: 1,000,000 in under 10 minutes). loan-service
 * runs alone on a database of its own; the book is written in SQL (N loans of 12 monthly installments,
 * all starting a month before the business date, with a late fee), so that the close to the next day
 * finds every loan's first installment unpaid: the worst day there is, N missed payments, N late fees,
 * N bucket moves and 2N events in the outbox. Measured: the wall time of POST /business-date, the
 * service's largest resident memory while it ran, and PostgreSQL's memory after it.
 */
final class CloseOfBusinessBench {

    static final Pattern DATE = Pattern.compile("\"date\"\\s*:\\s*\"([0-9-]+)\"");

    private final Bench b;

    CloseOfBusinessBench(Bench b) {
        this.b = b;
    }

    /**
     * A database of its own named {@code name}, and the environment of a loan-service on it whose
     * consumers read topics of their own: nothing else reaches that database.
     */
    static Map<String, String> loanServiceAlone(Bench b, String name) throws Exception {
        b.infra.createDatabase(name);
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", name);
        env.put("MP_MESSAGING_INCOMING_RETENTION_EVENTS_TOPIC", name + "-retention-events");
        env.put("MP_MESSAGING_INCOMING_CUSTOMER_EVENTS_TOPIC", name + "-customer-events");
        env.put("MP_MESSAGING_INCOMING_RETENTION_EVENTS_GROUP_ID", "loan-" + name);
        env.put("MP_MESSAGING_INCOMING_CUSTOMER_EVENTS_GROUP_ID", "loan-" + name);
        return env;
    }

    void run(int loans) throws Exception {
        String name = "cob_" + loans;
        Map<String, String> env = loanServiceAlone(b, name);
        String instance = "loan-service#" + name;
        Services.Instance loan = b.services.start(instance, "loan-service", env);
        try {
            HttpClient http = HttpClient.newHttpClient();
            LocalDate today = LocalDate.parse(match(DATE, send(http, HttpRequest.newBuilder(URI.create(loan.url() + "/business-date")))));
            long t0 = System.nanoTime();
            seed(b.infra, name, loans, today);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            Bench.log("%s: %,d loans of 12 installments written in %.1f s; closing %s -> %s", name, loans, seedSeconds, today, today.plusDays(1));

            double rss0 = Sys.rssMb(loan.pid());
            double[] maxRss = { rss0 };
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    try {
                        maxRss[0] = Math.max(maxRss[0], Sys.rssMb(loan.pid()));
                        Thread.sleep(500);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            try (Connection c = b.infra.connect(name); Statement st = c.createStatement()) {
                st.execute("SELECT pg_stat_statements_reset()");
            }
            double pgCpu0 = b.infra.postgresCpuSeconds();
            double svcCpu0 = Sys.cpuSeconds(loan.pid());
            long t1 = System.nanoTime();
            String answer = send(http, HttpRequest.newBuilder(URI.create(loan.url() + "/business-date")).timeout(Duration.ofHours(1))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + today.plusDays(1) + "\"}")));
            double seconds = (System.nanoTime() - t1) / 1e9;
            running.set(false);
            sampler.join();
            double pgCpu = b.infra.postgresCpuSeconds() - pgCpu0;
            double svcCpu = Sys.cpuSeconds(loan.pid()) - svcCpu0;
            long missed = Long.parseLong(match(Pattern.compile("\"missedPayments\"\\s*:\\s*(\\d+)"), answer));
            long events;
            try (Connection c = b.infra.connect(name); Statement st = c.createStatement()) {
                events = Bench.count(c, "SELECT count(*) FROM loan.outbox_event");
            }
            double pgMb = b.infra.postgresMb();
            logStatements(name);
            Bench.log("%s: close of business over %,d loans in %.1f s (%,d missed payments, %,d events in the outbox), loan-service "
                    + "%.0f -> max %.0f MB resident, CPU %.0f s service + %.0f s PostgreSQL; PostgreSQL %.0f MB (load %s)", name, loans,
                    seconds, missed, events, rss0, maxRss[0], svcCpu, pgCpu, pgMb, Sys.loads());
            b.report.closeOfBusiness(loans, seconds, missed, events, rss0, maxRss[0], svcCpu, pgCpu, pgMb, Sys.load1());
        } finally {
            b.services.stop(instance);
        }
    }

    /** Where PostgreSQL's time went during the run: its statements by total time (pg_stat_statements). */
    private void logStatements(String database) throws Exception {
        try (Connection c = b.infra.connect(database); Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("""
                SELECT calls, round(total_exec_time) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT 12""")) {
            StringBuilder top = new StringBuilder();
            while (rs.next()) {
                top.append(String.format("%n  %,10d calls %,10d ms %,12d rows  %s", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
            Bench.log("%s: PostgreSQL statements by total time during the close:%s", database, top);
        }
    }

    /** The book, in four statements; loan-service's schema exists since the service started (Flyway). */
    static void seed(Infra infra, String database, int loans, LocalDate today) throws Exception {
        try (Connection c = infra.connect(database); Statement st = c.createStatement()) {
            // the rows are consistent by construction: no foreign-key check per installment (a third of the seeding time)
            st.execute("SET session_replication_role = replica");
            st.execute("INSERT INTO loan.loan (id, customer_id, principal, annual_rate, term_months, start_date, method, status, "
                    + "schedule_version, created_at, late_fee) SELECT gen_random_uuid(), gen_random_uuid(), 12000.00, 0.060000, 12, DATE '"
                    + today.minusMonths(1) + "', 'ANNUITY', 'ACTIVE', 1, now(), 10.00 FROM generate_series(1, " + loans + ")");
            // equal principal with interest on the balance at 0.5 % a month: 60.00, 55.00, ... 5.00. Each loan's twelve
            // installments written together, as a booking writes them (generate_series(1, l.term_months) makes the loan the
            // outer loop; before, all the first installments came first, then all the second ones..., so that every loan's
            // installments lay on twelve different pages)
            st.execute("INSERT INTO loan.installment (id, loan_id, seq, due_date, principal_due, interest_due, status) "
                    + "SELECT gen_random_uuid(), l.id, s, (l.start_date + make_interval(months => s))::date, 1000.00, "
                    + "(13 - s) * 5.00, 'PENDING' FROM loan.loan l CROSS JOIN LATERAL generate_series(1, l.term_months) s");
            st.execute("INSERT INTO loan.known_customer (customer_id, registered_at, known_from) "
                    + "SELECT customer_id, now(), 'BENCH' FROM loan.loan");
            st.execute("SET session_replication_role = DEFAULT");
            st.execute("VACUUM ANALYZE loan.loan");
            st.execute("VACUUM ANALYZE loan.installment");
        }
    }

    static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + Phases.BenchToken.value).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String match(Pattern p, String json) {
        Matcher m = p.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + json);
        }
        return m.group(1);
    }
}
