package com.lendkeep.platform.ops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lendkeep.platform.kafka.KafkaClients;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Consumer lag of this service's consumer groups, per topic: the messages on the topic that the
 * group has not committed yet. Kafka only knows it broker-side, so an admin client asks for the
 * committed and the end offsets on every sample. Also remembers the last samples of each, for the
 * readiness check "lag keeps growing beyond a threshold".
 */
@ApplicationScoped
public class ConsumerLag {

    /** A (group, topic) pair's lag over the last samples, oldest first. */
    public record Trend(String group, String topic, List<Long> samples) {
    }

    private final KafkaClients kafka;
    private final MeterRegistry registry;
    private final Set<String> groups;
    private final int window;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> history = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public ConsumerLag(KafkaClients kafka, MeterRegistry registry, Config config,
            @ConfigProperty(name = "lendkeep.health.lag-growth-samples", defaultValue = "6") int window) {
        this.kafka = kafka;
        this.registry = registry;
        this.window = window;
        this.groups = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(n -> n.startsWith("mp.messaging.incoming.") && n.endsWith(".group.id"))
                .map(n -> config.getOptionalValue(n, String.class).orElse(null))
                .filter(g -> g != null && !g.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void sample() throws Exception {
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                    : admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> perTopic = new HashMap<>();
            committed.forEach((tp, offset) -> {
                ListOffsetsResultInfo end = ends.get(tp);
                long lag = end == null || offset == null ? 0 : Math.max(0, end.offset() - offset.offset());
                perTopic.merge(tp.topic(), lag, Long::sum);
            });
            perTopic.forEach((topic, lag) -> record(group, topic, lag));
        }
    }

    private void record(String group, String topic, long lag) {
        String key = group + "|" + topic;
        gauges.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("lendkeep.kafka.consumer.lag", value, AtomicLong::get)
                    .description("Messages on the topic not yet committed by the consumer group").baseUnit("messages")
                    .tags(Tags.of("group", group, "topic", topic)).register(registry);
            return value;
        }).set(lag);
        Deque<Long> samples = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (samples) {
            samples.addLast(lag);
            while (samples.size() > window) {
                samples.removeFirst();
            }
        }
    }

    /** The recorded samples of every (group, topic). */
    public List<Trend> trends() {
        return history.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\\|", 2);
            synchronized (e.getValue()) {
                return new Trend(parts[0], parts[1], List.copyOf(e.getValue()));
            }
        }).toList();
    }

    public int window() {
        return window;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.properties(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "lag-monitor",
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000")));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
