package com.lendkeep.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing the events, the two limits of the machine, and waiting for risk-service to finish. */
final class Pipeline {

    /** The batch size risk-service consumes with (max.poll.records), used for the JDBC limit too. */
    static final int BATCH = 500;

    private Pipeline() {
    }

    static KafkaProducer<String, String> producer(String bootstrap, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L << 20));
        // On a machine loaded far beyond its cores a batch can wait minutes for the broker: wait, do not drop it.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(30 * 60_000));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "120000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
        }
    }

    /**
     * Publishes every event of {@code ev} to {@code topic} and checks that Kafka has all of them (a
     * send that failed is an error, not a smaller run); returns events per second.
     */
    static double produce(String bootstrap, String topic, Events ev) throws Exception {
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        long before = topicSize(bootstrap, topic);
        try (KafkaProducer<String, String> producer = producer(bootstrap, 20)) {
            for (long i = 0; i < ev.events; i++) {
                producer.send(new ProducerRecord<>(topic, ev.customerId(ev.customerOf(i)).toString(), ev.value(i)), (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        double rate = ev.events / ((System.nanoTime() - t0) / 1e9);
        long written = topicSize(bootstrap, topic) - before;
        if (failed.get() > 0 || written != ev.events) {
            throw new IllegalStateException("only " + written + " of " + ev.events + " events reached " + topic + " (" + failed.get()
                    + " sends failed)", firstError.get());
        }
        return rate;
    }

    /** Limit 1: a plain consumer (same deserializer and poll size as risk-service) reading the whole topic. */
    static double plainConsumer(String bootstrap, String topic, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(BATCH));
        long seen = 0;
        long bytes = 0;
        long first = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                for (var r : records) {
                    bytes += r.value().length();
                }
                seen += records.count();
            }
        }
        if (seen < expected) {
            throw new IllegalStateException("plain consumer read only " + seen + " of " + expected);
        }
        return seen / ((System.nanoTime() - first) / 1e9);
    }

    /**
     * Limit 2: plain JDBC batch upserts of the same per-customer state rows, in batches of the
     * consumer's size, one transaction per batch, in a copy of risk-service's customer_risk table.
     */
    static double plainJdbc(Connection c, Events ev) throws SQLException {
        Bench.exec(c, "DROP SCHEMA IF EXISTS bench_limit CASCADE");
        Bench.exec(c, "CREATE SCHEMA bench_limit");
        Bench.exec(c, "CREATE TABLE bench_limit.customer_risk (LIKE risk.customer_risk INCLUDING ALL)");
        String sql = "INSERT INTO bench_limit.customer_risk (customer_id, latest_loan_id, days_past_due, max_days_past_due, consecutive_missed, "
                + "missed_total, payments_total, payments_on_time, as_of, involuntary_score, voluntary_score, combined_score, "
                + "involuntary_level, voluntary_level, reasons, model_version, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (customer_id) DO UPDATE SET latest_loan_id = EXCLUDED.latest_loan_id, days_past_due = EXCLUDED.days_past_due, "
                + "max_days_past_due = GREATEST(customer_risk.max_days_past_due, EXCLUDED.max_days_past_due), "
                + "consecutive_missed = EXCLUDED.consecutive_missed, missed_total = customer_risk.missed_total + EXCLUDED.missed_total, "
                + "payments_total = customer_risk.payments_total + EXCLUDED.payments_total, "
                + "payments_on_time = customer_risk.payments_on_time + EXCLUDED.payments_on_time, as_of = EXCLUDED.as_of, "
                + "involuntary_score = EXCLUDED.involuntary_score, voluntary_score = EXCLUDED.voluntary_score, "
                + "combined_score = EXCLUDED.combined_score, involuntary_level = EXCLUDED.involuntary_level, "
                + "voluntary_level = EXCLUDED.voluntary_level, reasons = EXCLUDED.reasons, model_version = EXCLUDED.model_version, "
                + "updated_at = EXCLUDED.updated_at";
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long start = 0; start < ev.events; start += BATCH) {
                long end = Math.min(ev.events, start + BATCH);
                Map<Integer, int[]> perCustomer = new LinkedHashMap<>();
                for (long i = start; i < end; i++) {
                    int[] s = perCustomer.computeIfAbsent(ev.customerOf(i), k -> new int[4]);
                    switch (ev.kind(i)) {
                        case PAID -> { s[0]++; s[1]++; s[3] = ev.monthOf(i); }
                        case LATE -> { s[2]++; s[3] = ev.monthOf(i); }
                        case MISSED -> { s[2]++; s[3] = ev.monthOf(i); }
                    }
                }
                Timestamp now = Timestamp.from(Instant.now());
                for (var e : perCustomer.entrySet()) {
                    int[] s = e.getValue();
                    ps.setObject(1, ev.customerId(e.getKey()));
                    ps.setObject(2, ev.loanId(e.getKey()));
                    ps.setInt(3, s[2] > 0 ? 5 : 0);
                    ps.setInt(4, s[2] > 0 ? 5 : 0);
                    ps.setInt(5, s[2] > 0 ? 1 : 0);
                    ps.setInt(6, s[2]);
                    ps.setInt(7, s[0]);
                    ps.setInt(8, s[1]);
                    ps.setObject(9, Events.FIRST_DUE.plusMonths(s[3]));
                    ps.setBigDecimal(10, new java.math.BigDecimal("0.047426"));
                    ps.setBigDecimal(11, new java.math.BigDecimal("0.029312"));
                    ps.setBigDecimal(12, new java.math.BigDecimal("0.075348"));
                    ps.setString(13, "LOW");
                    ps.setString(14, "LOW");
                    ps.setString(15, "[]");
                    ps.setString(16, "scorecard-v1");
                    ps.setTimestamp(17, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            }
        } finally {
            c.setAutoCommit(auto);
        }
        double rate = ev.events / ((System.nanoTime() - t0) / 1e9);
        Bench.exec(c, "DROP SCHEMA bench_limit CASCADE");
        return rate;
    }

    /** What one pipeline run measured. */
    /** {@code serviceJitSeconds}: the part of {@code serviceCpuSeconds} its JIT compiler threads used. */
    record Run(long events, double eventsPerSecond, double wallSeconds, double serviceCpuSeconds, double postgresCpuSeconds,
            double serviceJitSeconds) {
        double cpuMsPerEvent() {
            return (serviceCpuSeconds + postgresCpuSeconds) * 1000 / events;
        }

        double wallUsPerEvent() {
            return 1e6 / eventsPerSecond;
        }
    }

    /**
     * Waits until risk-service has recorded {@code expected} more processed events in {@code db} than
     * {@code before}; the rate comes from the database's own transaction times (first to last).
     */
    static Run await(Infra infra, String db, long before, long expected, Collection<Long> servicePids, double cpuBefore,
            double jitBefore, double pgCpuBefore, Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long done = 0;
        long lastLog = 0;
        try (Connection c = infra.connect(db)) {
            while (System.nanoTime() < deadline) {
                // Progress from the statistics (O(1)); the exact count (a scan of a table of a million rows,
                // which took 10 % of PostgreSQL's CPU when run every second) only once they say it is done.
                done = Bench.count(c, "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = 'risk' "
                        + "AND relname = 'processed_event'") - before;
                if (done >= expected) {
                    done = Bench.count(c, "SELECT count(*) FROM risk.processed_event WHERE event_type IN ('REPAYMENT_RECEIVED', 'PAYMENT_MISSED')")
                            - before;
                    if (done >= expected) {
                        break;
                    }
                }
                if (System.nanoTime() - lastLog > 10e9) {
                    Bench.log("  %,d / %,d processed (load %s)", done, expected, Sys.loads());
                    lastLog = System.nanoTime();
                }
                Thread.sleep(done == 0 ? 200 : 1000);
            }
            if (done < expected) {
                throw new IllegalStateException("risk-service processed " + done + " of " + expected + " events in " + timeout);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = servicePids.stream().mapToDouble(Sys::cpuSeconds).sum() - cpuBefore;
            double jit = servicePids.stream().mapToDouble(Sys::jitCpuSeconds).sum() - jitBefore;
            double pgCpu = infra.postgresCpuSeconds() - pgCpuBefore;
            double span;
            try (PreparedStatement ps = c.prepareStatement("SELECT EXTRACT(EPOCH FROM max(processed_at) - min(processed_at)) FROM "
                    + "(SELECT processed_at FROM risk.processed_event ORDER BY processed_at DESC LIMIT ?) t")) {
                ps.setLong(1, expected);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    span = rs.getDouble(1);
                }
            }
            return new Run(expected, expected / Math.max(span, 0.001), wall, cpu, pgCpu, jit);
        }
    }

    /** Partition owners of {@code group}: member client id to partitions. */
    static Map<String, List<String>> assignment(String bootstrap, String group, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin(bootstrap)) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            Map<String, List<String>> owners = new LinkedHashMap<>();
            for (MemberDescription m : d.members()) {
                List<String> mine = m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                        .map(tp -> tp.topic() + "-" + tp.partition()).sorted().toList();
                if (!mine.isEmpty()) {
                    // the member id: both instances' consumers have the same client id and host
                    owners.put(m.consumerId(), mine);
                }
            }
            return owners;
        }
    }

    /** Records on a topic (sum of end offsets), 0 if it does not exist. */
    static long topicSize(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            var desc = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            desc.partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(v -> v.offset()).sum();
        }
    }

    /** The consumer group's lag on {@code topic}. */
    static long lag(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var desc = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            desc.partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(specs).all().get();
            long lag = 0;
            for (var e : ends.entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    /** pg_stat_statements: the statements that took the most time, with calls per event. */
    static String topStatements(Connection c, long events, int limit) throws SQLException {
        StringBuilder sb = new StringBuilder("| calls | calls/event | total ms | ms/call | rows | statement |\n|---:|---:|---:|---:|---:|---|\n");
        try (PreparedStatement ps = c.prepareStatement("SELECT calls, total_exec_time, rows, query FROM pg_stat_statements "
                + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long calls = rs.getLong(1);
                    double total = rs.getDouble(2);
                    String q = rs.getString(4).replaceAll("\\s+", " ").replace("|", "\\|");
                    sb.append(String.format(java.util.Locale.ROOT, "| %,d | %.3f | %,.0f | %.3f | %,d | `%s` |%n", calls, calls / (double) events,
                            total, total / Math.max(calls, 1), rs.getLong(3), q.length() > 140 ? q.substring(0, 140) + "..." : q));
                }
            }
        }
        return sb.toString();
    }

    static void resetStatements(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
        }
    }

    static String joinAssignment(Map<String, List<String>> owners) {
        return owners.entrySet().stream().map(e -> e.getValue().size() + " partitions (" + String.join(" ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    static List<Integer> sizes(Map<String, List<String>> owners) {
        return new ArrayList<>(owners.values().stream().map(List::size).toList());
    }

    static int sqlType() {
        return Types.OTHER;
    }
}
