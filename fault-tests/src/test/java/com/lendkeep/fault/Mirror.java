package com.lendkeep.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers every event twice: reads every business topic from the scenario's start and publishes
 * each record again, unchanged (same key, so the same partition; same value, so the same eventId),
 * the way a producer retry, a relay re-send or a consumer rebalance would. Half the copies follow
 * their original at once (often into the same poll or batch), half {@link #DELAY} later (after the
 * original was processed and committed). The copies carry a header so that they are not copied
 * again; consumers ignore headers.
 */
final class Mirror implements AutoCloseable {

    static final String COPY_HEADER = "fault-test-copy";
    static final Duration DELAY = Duration.ofSeconds(3);

    private record Delayed(long dueNanos, ProducerRecord<String, String> copy) {
    }

    private final Map<TopicPartition, Long> from;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread worker;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile Throwable failure;
    final LongAdder copied = new LongAdder();

    Mirror(String bootstrap, Map<TopicPartition, Long> from) {
        this.from = Map.copyOf(from);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        worker = Thread.ofPlatform().name("fault-mirror").daemon().start(this::run);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>(from.keySet());
            consumer.assign(partitions);
            from.forEach(consumer::seek);
            java.util.ArrayDeque<Delayed> later = new java.util.ArrayDeque<>();
            while (running) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.headers().lastHeader(COPY_HEADER) != null) {
                        continue;
                    }
                    ProducerRecord<String, String> copy = new ProducerRecord<>(r.topic(), r.key(), r.value());
                    for (Header h : r.headers()) {
                        copy.headers().add(h);
                    }
                    copy.headers().add(COPY_HEADER, new byte[] {'1'});
                    if (r.offset() % 2 == 0) {
                        sent.add(producer.send(copy));
                    } else {
                        later.add(new Delayed(System.nanoTime() + DELAY.toNanos(), copy));
                    }
                }
                while (!later.isEmpty() && later.peek().dueNanos() <= System.nanoTime()) {
                    sent.add(producer.send(later.poll().copy()));
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) {
                    f.get();
                    copied.increment();
                }
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                boolean atEnd = sent.isEmpty() && later.isEmpty();
                for (TopicPartition tp : partitions) {
                    atEnd &= consumer.position(tp) >= end.get(tp);
                }
                caughtUp = atEnd;
            }
        } catch (Throwable e) {
            if (running) {
                failure = e;
            }
        }
    }

    /** True when every record on the topics so far has been copied (and Kafka acknowledged the copies). */
    boolean caughtUp() {
        if (failure != null) {
            throw new AssertionError("the mirror failed", failure);
        }
        return caughtUp;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        worker.join(10_000);
        consumer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
    }
}
