package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.SharedTestInfra;
import com.lendkeep.infra.TestUsers;

import io.restassured.http.ContentType;

/**
 * An orchestrator stops loan-service with SIGTERM while requests are in its hands and it has just
 * consumed events: the requests are answered and kept, a request arriving meanwhile is answered or refused
 * (never cut off), and
 * the offsets of what it consumed are committed, so its successor does not read them again
 * ({@code quarkus.shutdown.timeout}, docs/operations.md).
 */
class GracefulShutdownTest {

    private static final String SERVICE = "loan-service";
    private static final int IN_FLIGHT = 3;
    private static final int REFUSED = -1;
    private static final int CUT_OFF = -2;
    private static ServiceProcesses services;

    @BeforeAll
    static void start() throws Exception {
        services = E2eStack.services();
    }

    @Test
    void sigtermFinishesRequestsInFlightAndCommitsWhatWasConsumed() throws Exception {
        String loans = services.url(SERVICE);
        LocalDate today = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().<String>path("date"));
        String loan = E2eStack.bookLoan(loans, Map.of("customerId", registerCustomer(), "principal", "9000.00",
                "annualRate", "0.07", "termMonths", 24, "startDate", today.toString(), "method", "ANNUITY"))
                .then().statusCode(201).extract().path("id");
        // fresh customer-events for loan-service to consume just before it is stopped, inside the
        // consumer's commit interval: only a commit at shutdown covers them
        String lastCustomer = null;
        for (int i = 0; i < 20; i++) {
            lastCustomer = registerCustomer();
        }
        awaitKnownToLoanService(loans, lastCustomer, today);
        Map<TopicPartition, Long> consumed = endOffsets("customer-events");

        // slow clients: each repayment's headers and half its body are sent before the SIGTERM
        List<SlowRequest> inFlight = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            inFlight.add(SlowRequest.open(loans, "/loans/" + loan + "/repayments", "{\"amount\":\"" + (101 + i) + ".25\"}"));
        }
        Thread.sleep(500); // the server reads the headers: the requests are now in flight
        long drainsBefore = drainsLogged();
        services.terminate(SERVICE);
        // shutdown has begun once Quarkus says it waits for the requests in hand
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> drainsLogged() > drainsBefore);

        // Quarkus keeps serving while it drains, answering with "Connection: close"; once the listener
        // is closed a client is refused. Either is fine; a request cut off half-way is not.
        int newcomer = statusOfNewRequest(loans + "/loans/" + loan);
        assertTrue(newcomer == 200 || newcomer == 503 || newcomer == REFUSED, "a request arriving during shutdown: " + newcomer);

        List<String> answers = new ArrayList<>();
        for (SlowRequest request : inFlight) {
            answers.add(request.finish());
        }
        for (String answer : answers) {
            assertTrue(answer.startsWith("HTTP/1.1 201"), "a repayment in flight at SIGTERM must be answered 201: " + answer);
        }
        assertTrue(services.awaitExit(SERVICE, Duration.ofSeconds(60)), SERVICE + " did not exit after SIGTERM");

        Map<TopicPartition, Long> committed = committed("loan-service", consumed.keySet());
        consumed.forEach((partition, end) -> assertTrue(committed.getOrDefault(partition, 0L) >= end,
                "loan-service stopped gracefully but left consumed " + partition + " uncommitted: committed "
                        + committed.get(partition) + ", consumed up to " + end));

        services.restart(SERVICE);
        List<String> kept = given().get(loans + "/loans/" + loan + "/repayments").then().statusCode(200)
                .extract().jsonPath().getList("amount").stream().map(a -> new java.math.BigDecimal(a.toString()).setScale(2).toPlainString())
                .sorted().toList();
        assertEquals(List.of("101.25", "102.25", "103.25"), kept, "the repayments answered during shutdown, once each");
        for (SlowRequest request : inFlight) {
            given().header("Idempotency-Key", request.idempotencyKey).contentType(ContentType.JSON).body(request.body)
                    .post(loans + "/loans/" + loan + "/repayments").then().statusCode(201).header("Idempotent-Replayed", "true");
        }
    }

    /** How often the service's log (kept across restarts) says Quarkus waits for the HTTP requests in hand. */
    private static long drainsLogged() throws IOException {
        try (var lines = java.nio.file.Files.lines(services.log(SERVICE))) {
            return lines.filter(line -> line.contains("Waiting for HTTP requests to complete")).count();
        }
    }

    private static String registerCustomer() {
        return given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Shutdown Test",
                "nationalId", "SHUT" + System.nanoTime(), "relationshipSince", "2020-02-01", "annualIncome", 45000))
                .post(services.url("customer-service") + "/customers").then().statusCode(201).extract().path("id");
    }

    /** loan-service knows a customer once it has consumed the registration: a loan quote for it stops answering 422. */
    private static void awaitKnownToLoanService(String loans, String customer, LocalDate today) {
        E2eStack.bookLoan(loans, Map.of("customerId", customer, "principal", "1000.00", "annualRate", "0.05", "termMonths", 6,
                "startDate", today.toString(), "method", "ANNUITY")).then().statusCode(201);
    }

    private static int statusOfNewRequest(String url) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", TestUsers.as(TestUsers.DEFAULT_USER).getValue()).build();
        try {
            return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return REFUSED; // the listener is already closed: the client knows nothing was done
        } catch (IOException e) {
            return CUT_OFF;
        }
    }

    /** The log end offset of each partition of {@code topic}. */
    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            return partitions.stream().collect(Collectors.toMap(p -> p, p -> ends.get(p).offset()));
        }
    }

    /** The offsets {@code group} has committed on {@code partitions} (absent: none committed). */
    private static Map<TopicPartition, Long> committed(String group, java.util.Set<TopicPartition> partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return partitions.stream().filter(p -> offsets.get(p) != null).collect(Collectors.toMap(p -> p, p -> offsets.get(p).offset()));
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.bootstrapServers());
        return Admin.create(props);
    }

    /** An HTTP/1.1 request written in two halves on its own connection, as a slow mobile client sends it. */
    private record SlowRequest(Socket socket, String body, String idempotencyKey) {

        static SlowRequest open(String baseUrl, String path, String body) throws IOException {
            URI uri = URI.create(baseUrl);
            String key = UUID.randomUUID().toString();
            Socket socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(60_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Authorization: " + TestUsers.as(TestUsers.DEFAULT_USER).getValue() + "\r\n"
                    + "Content-Type: application/json\r\nIdempotency-Key: " + key + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            return new SlowRequest(socket, body, key);
        }

        /** Sends the rest of the body and returns the whole answer (status line, headers, body). */
        String finish() throws IOException {
            try (socket) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer); // Connection: close, so the answer ends with the stream
                return answer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "no answer: " + e;
            }
        }
    }
}
