package com.lendkeep.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real, single-node Apache Kafka broker in KRaft combined mode (broker and controller in one
 * process), started from the Maven jars. Used by the local stack and by the tests; no Docker.
 */
public final class LocalKafka implements AutoCloseable {

    /** The user and password of the SASL/PLAIN listener, when there is one. */
    public static final String SASL_USER = "lendkeep";
    public static final String SASL_PASSWORD = "lendkeep-secret";

    private final KafkaRaftServer server;
    private final int port;
    private final int saslPort;

    private LocalKafka(KafkaRaftServer server, int port, int saslPort) {
        this.server = server;
        this.port = port;
        this.saslPort = saslPort;
    }

    /**
     * Formats {@code dataDir} if it is new (an existing log is kept: data survives restarts) and
     * starts the broker.
     */
    public static LocalKafka start(Path dataDir, int port, int controllerPort, int partitions) throws IOException {
        return start(dataDir, port, controllerPort, partitions, 0);
    }

    /**
     * As {@link #start(Path, int, int, int)}, plus a second listener on {@code saslPort} (0 for none)
     * that requires SASL/PLAIN ({@link #SASL_USER}), to test that every client takes the security settings.
     */
    public static LocalKafka start(Path dataDir, int port, int controllerPort, int partitions, int saslPort) throws IOException {
        Files.createDirectories(dataDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        String sasl = saslPort == 0 ? "" : ",SASL://localhost:" + saslPort;
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort + sasl);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port + sasl);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT");
        if (saslPort != 0) {
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("listener.name.sasl.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + SASL_USER + "\" password=\"" + SASL_PASSWORD + "\" user_" + SASL_USER + "=\"" + SASL_PASSWORD + "\";");
        }
        props.put("log.dirs", dataDir.resolve("log").toString());
        props.put("num.partitions", Integer.toString(partitions));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "168");

        Path propsFile = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            props.store(out, "written by LocalKafka");
        }
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"},
                    new PrintStream(OutputStream.nullOutputStream()));
            if (rc != 0) {
                throw new IOException("kafka storage format failed with code " + rc + " in " + dataDir);
            }
        }
        // Kafka loads plugin classes (the SASL callback handlers) through the thread's context class
        // loader; inside a @QuarkusTest that is the application's, and a class seen through two loaders
        // fails every SASL login ("UnsupportedCallbackException"). The broker's own loader it is.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LocalKafka.class.getClassLoader());
        try {
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, port, saslPort);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The SASL/PLAIN listener's address (only when started with one). */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return "localhost:" + saslPort;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
