package com.lendkeep.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.lendkeep.infra.FreePorts;
import com.lendkeep.infra.LocalJwt;
import com.lendkeep.infra.ServiceProcesses;

/**
 * The whole product as separate processes, as in production: PostgreSQL and Kafka (each stoppable
 * and restartable on its port and data directory) and the four packaged services. Also the
 * harness's own view of it: a JDBC connection for reading each service's schema and a Kafka admin
 * client for the consumer groups' lag.
 */
final class Stack implements AutoCloseable {

    static final List<String> BUSINESS_TOPICS = List.of("customer-events", "credit-score-events", "contact-events", "loan-events",
            "repayment-events", "churn-risk-alerts", "retention-events");

    /** What each service consumes (its application.properties); each service is one consumer group named after it. */
    static final Map<String, List<String>> CONSUMES = orderedMap(
            "customer-service", List.of("loan-events", "repayment-events", "churn-risk-alerts"),
            "loan-service", List.of("retention-events", "customer-events"),
            "risk-service", List.of("repayment-events", "credit-score-events", "contact-events", "loan-events", "customer-events"),
            "retention-service", List.of("churn-risk-alerts", "loan-events", "customer-events", "repayment-events"));

    static final Map<String, String> SCHEMA = orderedMap("customer-service", "customer", "loan-service", "loan", "risk-service", "risk",
            "retention-service", "retention");

    static final List<String> ROLES = List.of("core-banking", "advisor", "retention-manager", "risk-analyst", "admin");
    static final int PARTITIONS = 3;
    /** The retention manager who approves forbearance (retention-service proposes it as {@code system}: four eyes). */
    static final String MANAGER = "manager.fault";

    final Path root;
    final Path work;
    final InfraProcess postgres;
    final InfraProcess kafka;
    final ServiceProcesses services;
    final String token;
    final String managerToken;
    private final Admin admin;

    private Stack(Path root, Path work, InfraProcess postgres, InfraProcess kafka, ServiceProcesses services, String token,
            String managerToken, Admin admin) {
        this.root = root;
        this.work = work;
        this.postgres = postgres;
        this.kafka = kafka;
        this.services = services;
        this.token = token;
        this.managerToken = managerToken;
        this.admin = admin;
    }

    /**
     * Starts PostgreSQL and Kafka as processes on free ports in {@code work}, creates the topics,
     * then the four services with {@code serviceEnv}. Whatever started is stopped again if a later
     * step fails.
     */
    static Stack start(Path root, Path work, Map<String, String> serviceEnv) throws Exception {
        Files.createDirectories(work);
        Path logs = work.resolve("logs");
        InfraProcess pg = InfraProcess.postgres(work.resolve("data/postgres"), FreePorts.next(), logs.resolve("postgres.log"));
        InfraProcess kafka = InfraProcess.kafka(work.resolve("data/kafka"), FreePorts.next(), FreePorts.next(), PARTITIONS,
                logs.resolve("kafka.log"));
        ServiceProcesses services = new ServiceProcesses(logs);
        Admin admin = null;
        try {
            pg.start(Duration.ofSeconds(90));
            kafka.start(Duration.ofSeconds(90));
            admin = Admin.create(adminProps("localhost:" + kafka.port()));
            createTopics(admin);
            LocalJwt jwt = LocalJwt.inFolder(work.resolve("jwt"));
            services.start(root, pg.port(), "localhost:" + kafka.port(), jwt, serviceEnv);
            String token = jwt.token("fault-harness", ROLES, Duration.ofHours(12));
            // forbearance waits for a person other than its proposer (retention-service, four eyes)
            String managerToken = jwt.token(MANAGER, List.of("retention-manager"), Duration.ofHours(12));
            return new Stack(root, work, pg, kafka, services, token, managerToken, admin);
        } catch (Exception e) {
            services.close();
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            kafka.close();
            pg.close();
            throw e;
        }
    }

    private static void createTopics(Admin admin) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String t : BUSINESS_TOPICS) {
            topics.add(new NewTopic(t, PARTITIONS, (short) 1));
        }
        for (String service : CONSUMES.keySet()) {
            topics.add(new NewTopic(service + ".dlq", PARTITIONS, (short) 1));
        }
        admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }

    private static Properties adminProps(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        return p;
    }

    String bootstrap() {
        return "localhost:" + kafka.port();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.port() + "/lendkeep?connectTimeout=5&socketTimeout=60";
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    /** One number from a query whose parameters are values or collections of UUIDs (passed as uuid[]). */
    long count(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of a query, each as an array of its columns. */
    List<Object[]> rows(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            List<Object[]> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.add(row);
            }
            return out;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Collection<?> values) {
                boolean uuids = values.isEmpty() || values.iterator().next() instanceof UUID;
                Array array = c.createArrayOf(uuids ? "uuid" : "text", values.toArray());
                st.setArray(i + 1, array);
            } else {
                st.setObject(i + 1, p);
            }
        }
        return st;
    }

    /** Outbox rows not yet published, over the four schemas. */
    long unpublished() throws SQLException {
        long total = 0;
        for (String schema : SCHEMA.values()) {
            total += count("SELECT count(*) FROM " + schema + ".outbox_event WHERE published_at IS NULL");
        }
        return total;
    }

    /** The latest offset of every partition of {@code topics}. */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String t : topics) {
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(t, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(request).all()
                .get(10, TimeUnit.SECONDS).entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    /** Records not yet processed (committed) by {@code group} on {@code topics}. */
    long lag(String group, Collection<String> topics) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topics);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /**
     * Waits until the system has nothing left to do: every outbox row published and every consumer
     * group's committed offset at the end of each topic it reads, three times in a row one second
     * apart (a processed event may publish the next one). {@code alsoQuiet} are further conditions
     * (e.g. a test's own consumer caught up). Returns the time it took; fails after {@code timeout}
     * with what is still pending.
     */
    Duration awaitQuiet(Duration timeout, BooleanSupplier... alsoQuiet) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int quiet = 0;
        String pending = "nothing checked yet";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, Long> lags = new LinkedHashMap<>();
                long total = 0;
                for (var e : CONSUMES.entrySet()) {
                    long lag = lag(e.getKey(), e.getValue());
                    lags.put(e.getKey(), lag);
                    total += lag;
                }
                long unpublished = unpublished();
                boolean others = true;
                for (BooleanSupplier s : alsoQuiet) {
                    others &= s.getAsBoolean();
                }
                pending = "lag " + lags + ", unpublished outbox rows " + unpublished + ", other conditions met " + others;
                quiet = total == 0 && unpublished == 0 && others ? quiet + 1 : 0;
                if (quiet >= 3) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception e) {
                quiet = 0;
                pending = "cannot read the state: " + e;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the system did not become quiet within " + timeout + ": " + pending);
    }

    @Override
    public void close() throws Exception {
        services.close();
        admin.close(Duration.ofSeconds(5));
        kafka.close();
        postgres.close();
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> orderedMap(Object... kv) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((K) kv[i], (V) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
