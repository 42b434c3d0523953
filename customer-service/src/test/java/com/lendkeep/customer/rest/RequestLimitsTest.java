package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 18: "a chunked body over the limit gets an empty 413 or a reset; a 414 has no body". Over the
 * wire, as a client sends them: a body over customer-service's 1 MB limit without a length
 * (Transfer-Encoding: chunked), with a length, and a request line over 4096 characters, each answered
 * with a problem+json that names the limit. A chunked body within the limit still reaches the API.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RequestLimitsTest {

    private static final int LIMIT = 1024 * 1024; // quarkus.http.limits.max-body-size=1M
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String body) {
    }

    private static String token() {
        return TestUsers.as("limits.test", "core-banking").getValue();
    }

    /** A raw HTTP/1.1 exchange: what is sent is exactly what the test writes, and the answer is read as it comes. */
    private static Answer raw(String head, byte[]... chunks) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (byte[] chunk : chunks) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                if (chunks.length > 0) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer and stop reading before the client has sent everything: read its answer
            }
            return parse(socket.getInputStream());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int length = -1;
        for (String line : lines) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : new byte[0];
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        throw new IOException("the connection closed before an answer: " + head);
    }

    private static void assertProblem(Answer a, int status, String limitNamed) {
        assertEquals(status, a.status(), a.toString());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
        JsonNode problem = TestSupport.json(a.body());
        assertEquals(status, problem.path("status").asInt(), a.body());
        assertTrue(problem.path("detail").asText().contains(limitNamed), "the detail names the limit: " + a.body());
    }

    private static byte[][] chunks(int total, int size) {
        int n = (total + size - 1) / size;
        byte[][] chunks = new byte[n][];
        for (int i = 0; i < n; i++) {
            chunks[i] = new byte[Math.min(size, total - i * size)];
            java.util.Arrays.fill(chunks[i], (byte) 'x');
        }
        return chunks;
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemJson() throws IOException {
        String head = "POST /customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertProblem(raw(head, chunks(2 * LIMIT, 64 * 1024)), 413, LIMIT + " bytes");
        // just over the limit, in one chunk
        assertProblem(raw(head, chunks(LIMIT + 1, LIMIT + 1)), 413, LIMIT + " bytes");
    }

    @Test
    void aStreamedBodyWithoutALengthIs413ForAJavaClientToo() throws Exception {
        // ofInputStream has no length: the JDK client sends it chunked
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"fullName\":\"".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("x".repeat(3 * LIMIT).getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("\"}".getBytes(StandardCharsets.UTF_8)))));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/customers"))
                .header("Authorization", token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()), 413, LIMIT + " bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413ProblemJson() throws IOException {
        String head = "POST /customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n";
        assertProblem(raw(head), 413, LIMIT + " bytes");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        byte[] json = TestSupport.JSON.writeValueAsBytes(customer());
        String head = "POST /customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] first = java.util.Arrays.copyOfRange(json, 0, json.length / 2);
        byte[] second = java.util.Arrays.copyOfRange(json, json.length / 2, json.length);
        Answer a = raw(head, first, second);
        assertEquals(201, a.status(), a.toString());
        // and a chunked body that is bad JSON still gets the REST layer's 400, not a hang
        Answer bad = raw(head, "{\"type\": ".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.toString());
    }

    /** A client that asks before it sends (Expect: 100-continue) is told to go on, not left waiting while the server waits too. */
    @Test
    void aChunkedBodyAfter100ContinueIsRead() throws Exception {
        byte[] json = TestSupport.JSON.writeValueAsBytes(customer());
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token() + "\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String interim = readHead(in);
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            out.write((Integer.toHexString(json.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(json);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Answer a = parse(in);
            assertEquals(201, a.status(), a.toString());
        }
    }

    @Test
    void aRequestLineOverTheLimitIs414ProblemJson() throws IOException {
        String path = "/customers?industry=" + "y".repeat(5_000);
        assertProblem(raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token() + "\r\n\r\n"), 414, "4096 characters");
        // just within the limit: the API answers (400: industry is at most 64 characters)
        String within = "/customers?industry=" + "y".repeat(4096 - "GET /customers?industry= HTTP/1.1".length());
        Answer a = raw("GET " + within + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + token() + "\r\n\r\n");
        assertEquals(400, a.status(), a.toString());
        // far over it, up to Vert.x's own limit (64 KB), still ours
        assertProblem(raw("GET /customers?industry=" + "y".repeat(60_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414, "4096 characters");
    }
}
