package com.lendkeep.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lendkeep.infra.FreePorts;
import com.lendkeep.infra.LocalKafka;

/**
 * The replay tool reaches a cluster that requires SASL/PLAIN with the same {@code kafka.*} settings
 * an operator gives the services (here as system properties), and without them it does not.
 */
class RepaymentPublisherSaslTest {

    private static final List<String> SETTINGS = List.of("kafka.security.protocol", "kafka.sasl.mechanism", "kafka.sasl.jaas.config",
            "kafka.max.block.ms", "kafka.delivery.timeout.ms", "kafka.request.timeout.ms");

    @TempDir
    static Path dir;
    private static LocalKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = LocalKafka.start(dir, FreePorts.next(), FreePorts.next(), 2, FreePorts.next());
        // the topic exists before the tool runs, as on a stack whose services created it (an idempotent
        // producer racing the topic's auto-creation once had a record retried until its delivery timeout)
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(RepaymentPublisher.TOPIC, 2, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void forgetSettings() {
        SETTINGS.forEach(System::clearProperty);
    }

    @Test
    void publishesThroughTheSaslListenerWithTheServicesSettings() throws Exception {
        System.setProperty("kafka.security.protocol", "SASL_PLAINTEXT");
        System.setProperty("kafka.sasl.mechanism", "PLAIN");
        System.setProperty("kafka.sasl.jaas.config", jaas());
        List<UciRecord> records = List.of(record(1), record(2));
        Map<Integer, UUID> customers = Map.of(1, UUID.randomUUID(), 2, UUID.randomUUID());

        long published = new RepaymentPublisher(kafka.saslBootstrapServers(), "sasl").publish(records, customers);

        assertEquals(12, published);
        List<ConsumerRecord<String, String>> read = readAll(12);
        assertEquals(12, read.size());
        assertTrue(read.stream().allMatch(r -> customers.containsValue(UUID.fromString(r.key()))), "keyed by customer");
        assertTrue(read.stream().allMatch(r -> r.value().contains("\"REPAYMENT_RECEIVED\"")));
    }

    @Test
    void withoutTheSettingsTheSaslListenerRefusesIt() {
        System.setProperty("kafka.max.block.ms", "5000");
        System.setProperty("kafka.delivery.timeout.ms", "8000");
        System.setProperty("kafka.request.timeout.ms", "4000");
        RepaymentPublisher plain = new RepaymentPublisher(kafka.saslBootstrapServers(), "plain");
        assertEquals("5000", plain.producerSettings().get(ProducerConfig.MAX_BLOCK_MS_CONFIG), "kafka.* system properties reach the producer");
        assertThrows(Exception.class, () -> plain.publish(List.of(record(3)), Map.of(3, UUID.randomUUID())));
    }

    private static UciRecord record(int id) throws Exception {
        Path file = dir.resolve("uci-" + id + ".csv");
        java.nio.file.Files.writeString(file, UciRecord.HEADER + "\n" + id
                + ",20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1\n");
        return UciRecord.read(file).get(0);
    }

    private static String jaas() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + LocalKafka.SASL_USER
                + "\" password=\"" + LocalKafka.SASL_PASSWORD + "\";";
    }

    /** Reads the topic through the SASL listener too, so the test itself speaks only SASL to it. */
    private static List<ConsumerRecord<String, String>> readAll(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.saslBootstrapServers());
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "PLAIN");
        props.put("sasl.jaas.config", jaas());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(RepaymentPublisher.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        return read;
    }
}
