package com.lendkeep.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Issue 16 point 6, crash and resume for real: loan-service closes a business day over a book where
 * every loan misses its first installment, and is KILLED (SIGKILL, no shutdown hook, the chunk in
 * progress and the outbox relay cut mid-way) after some chunks committed. The same jar is started
 * again on the same database and asked for the same date, which finishes the interrupted run. Then,
 * from the database and from Kafka: every loan has exactly one late fee, one bucket move and one
 * PAYMENT_MISSED and one DELINQUENCY_CHANGED event (by event id: the relay publishes at least once,
 * so a message it sent just before the kill and had not marked sent is sent again with the same id,
 * which consumers' inboxes drop; those copies are counted and reported, not hidden).
 */
final class CloseOfBusinessCrashBench {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern LOAN_ID = Pattern.compile("\"loanId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final int CHUNK_SIZE = 100;

    private final Bench b;

    CloseOfBusinessCrashBench(Bench b) {
        this.b = b;
    }

    void run(int loans) throws Exception {
        String name = "cobcrash_" + loans;
        Map<String, String> env = CloseOfBusinessBench.loanServiceAlone(b, name);
        // small chunks: many commits to land between, so that the kill finds the run half-way
        env.put("LOAN_COB_CHUNK_SIZE", Integer.toString(CHUNK_SIZE));
        String instance = "loan-service#" + name;
        long t0 = System.nanoTime();
        Services.Instance loan = b.services.start(instance, "loan-service", env);
        HttpClient http = HttpClient.newHttpClient();
        try {
            LocalDate today = LocalDate.parse(CloseOfBusinessBench.match(CloseOfBusinessBench.DATE,
                    CloseOfBusinessBench.send(http, HttpRequest.newBuilder(URI.create(loan.url() + "/business-date")))));
            LocalDate next = today.plusDays(1);
            CloseOfBusinessBench.seed(b.infra, name, loans, today);

            CompletableFuture<HttpResponse<String>> first = http.sendAsync(HttpRequest.newBuilder(URI.create(loan.url() + "/business-date"))
                    .header("Authorization", "Bearer " + Phases.BenchToken.value).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + next + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            int chunksAtKill = awaitChunks(name, loans / CHUNK_SIZE / 3, first);
            kill(loan);
            int[] state = runState(name);
            Bench.log("%s: loan-service killed (SIGKILL) after %d committed chunks of %d, %,d loans still queued", name, chunksAtKill,
                    loans / CHUNK_SIZE, state[1]);
            if (state[0] != 1 || state[1] == 0) {
                throw new IllegalStateException("the kill did not find the run half-way: unfinished runs " + state[0] + ", queued " + state[1]);
            }

            b.services.stop(instance);
            loan = b.services.start(instance, "loan-service", env);
            String answer = CloseOfBusinessBench.send(http, HttpRequest.newBuilder(URI.create(loan.url() + "/business-date"))
                    .timeout(Duration.ofMinutes(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + next + "\"}")));
            long missedInAnswer = Long.parseLong(CloseOfBusinessBench.match(Pattern.compile("\"missedPayments\"\\s*:\\s*(\\d+)"), answer));
            awaitRelay(name);
            Check check = check(name, loans);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Bench.log("%s: resumed; %s; run's missedPayments %,d; %.0f s in all (load %s)", name, check, missedInAnswer, seconds,
                    Sys.loads());
            boolean ok = check.exact(loans) && missedInAnswer == loans;
            b.report.closeOfBusinessCrash(loans, chunksAtKill, state[1], check.toString(), ok, seconds, Sys.load1());
            if (!ok) {
                throw new IllegalStateException("close of business after a kill: " + check + ", missedPayments " + missedInAnswer);
            }
        } finally {
            b.services.stop(instance);
        }
    }

    /** Waits until {@code chunks} chunks committed (the run's own count), the run still unfinished. */
    private int awaitChunks(String database, int chunks, CompletableFuture<HttpResponse<String>> request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try (Connection c = b.infra.connect(database); PreparedStatement st = c.prepareStatement(
                "SELECT chunks FROM loan.close_of_business_run WHERE finished_at IS NULL")) {
            while (System.nanoTime() < deadline) {
                if (request.isDone()) {
                    throw new IllegalStateException("the close of business finished before the kill: " + request.get().body());
                }
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getInt(1) >= chunks) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("no " + chunks + " chunks committed in 20 minutes");
    }

    private static void kill(Services.Instance loan) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(loan.pid())).inheritIO().start();
        if (kill.waitFor() != 0 || !loan.process().waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("kill -9 " + loan.pid() + " failed");
        }
    }

    /** Unfinished runs, and loans still queued. */
    private int[] runState(String database) throws Exception {
        try (Connection c = b.infra.connect(database); PreparedStatement st = c.prepareStatement(
                "SELECT (SELECT count(*) FROM loan.close_of_business_run WHERE finished_at IS NULL), "
                        + "(SELECT count(*) FROM loan.close_of_business_queue)"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return new int[] { rs.getInt(1), rs.getInt(2) };
        }
    }

    private void awaitRelay(String database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (Connection c = b.infra.connect(database)) {
            while (Bench.count(c, "SELECT count(*) FROM loan.outbox_event WHERE published_at IS NULL") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the outbox relay did not publish everything in 10 minutes");
                }
                Thread.sleep(200);
            }
        }
    }

    /** What the book and the topics say, per loan. */
    record Check(long loansWithOneFee, long loansWithAnotherFee, long loansWithOneMove, long loansWithOtherMoves, long loansOneMissedRow,
            long loansOneMissedEvent, long loansOneBucketEvent, long otherEventCounts, long redelivered) {

        boolean exact(int loans) {
            return loansWithOneFee == loans && loansWithAnotherFee == 0 && loansWithOneMove == loans && loansWithOtherMoves == 0
                    && loansOneMissedRow == loans && loansOneMissedEvent == loans && loansOneBucketEvent == loans && otherEventCounts == 0;
        }

        @Override
        public String toString() {
            return String.format("one late fee on %,d loans (another fee on %,d), one bucket move on %,d (other counts %,d), one "
                    + "PAYMENT_MISSED in the outbox for %,d; on Kafka one PAYMENT_MISSED for %,d and one DELINQUENCY_CHANGED for %,d "
                    + "(other counts %,d), %,d messages sent twice with the same event id", loansWithOneFee, loansWithAnotherFee,
                    loansWithOneMove, loansWithOtherMoves, loansOneMissedRow, loansOneMissedEvent, loansOneBucketEvent, otherEventCounts,
                    redelivered);
        }
    }

    private Check check(String database, int loans) throws Exception {
        long oneFee;
        long otherFee;
        long oneMove;
        long otherMoves;
        long oneMissedRow;
        try (Connection c = b.infra.connect(database)) {
            oneFee = Bench.count(c, "SELECT count(*) FROM loan.installment WHERE seq = 1 AND status = 'OVERDUE' AND fee_due = 10.00");
            otherFee = Bench.count(c, "SELECT count(*) FROM loan.installment WHERE fee_due NOT IN (0, 10.00) OR (seq > 1 AND fee_due > 0)");
            oneMove = Bench.count(c, "SELECT count(*) FROM (SELECT loan_id FROM loan.delinquency_history GROUP BY loan_id "
                    + "HAVING count(*) = 1) m");
            otherMoves = Bench.count(c, "SELECT count(*) FROM (SELECT loan_id FROM loan.delinquency_history GROUP BY loan_id "
                    + "HAVING count(*) <> 1) m");
            oneMissedRow = Bench.count(c, "SELECT count(*) FROM (SELECT payload::jsonb #>> '{data,loanId}' FROM loan.outbox_event "
                    + "WHERE event_type = 'PAYMENT_MISSED' GROUP BY 1 HAVING count(*) = 1) m");
        }
        Set<String> book = new HashSet<>();
        try (Connection c = b.infra.connect(database); PreparedStatement st = c.prepareStatement("SELECT id::text FROM loan.loan");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                book.add(rs.getString(1));
            }
        }
        Map<String, Map<String, Set<String>>> perType = new HashMap<>();
        long[] redelivered = { 0 };
        Set<String> seen = new HashSet<>();
        for (String topic : List.of("repayment-events", "loan-events")) {
            readTopic(topic, r -> {
                String type = CloseOfBusinessBench.match(TYPE, r.value());
                Matcher loan = LOAN_ID.matcher(r.value());
                if (!type.equals("PAYMENT_MISSED") && !type.equals("DELINQUENCY_CHANGED") || !loan.find() || !book.contains(loan.group(1))) {
                    return;
                }
                String eventId = CloseOfBusinessBench.match(EVENT_ID, r.value());
                if (!seen.add(eventId)) {
                    redelivered[0]++;
                }
                perType.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(loan.group(1), l -> new HashSet<>()).add(eventId);
            });
        }
        long oneMissedEvent = count(perType.get("PAYMENT_MISSED"), 1);
        long oneBucketEvent = count(perType.get("DELINQUENCY_CHANGED"), 1);
        long other = perType.values().stream().mapToLong(m -> m.values().stream().filter(s -> s.size() != 1).count()).sum();
        return new Check(oneFee, otherFee, oneMove, otherMoves, oneMissedRow, oneMissedEvent, oneBucketEvent, other, redelivered[0]);
    }

    private static long count(Map<String, Set<String>> perLoan, int events) {
        return perLoan == null ? 0 : perLoan.values().stream().filter(s -> s.size() == events).count();
    }

    /** Every record of the topic, first to last offset (the caller keeps those about its loans). */
    private void readTopic(String topic, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.infra.bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 5 minutes");
                }
                c.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }
}
