package com.lendkeep.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.LocalJwt;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.TestUsers;

/**
 * Walks every operation of every service, as listed by the service's own OpenAPI document (so none
 * can be forgotten), against the running packaged services:
 * <ul>
 * <li>roles: no token and a token from another issuer answer 401; a token whose only role is not
 * one the operation lists answers 403; a token with one of its roles is let through (neither 401
 * nor 403). The roles come from the document's security requirement, which Quarkus writes from
 * {@code @RolesAllowed}, and must match the matrix of docs/security.md;</li>
 * <li>bad input generated from the schemas ({@link BadRequests}) for every operation, and an oversized
 * body per service. Every answer must be 4xx {@code application/problem+json} naming no Java type, with
 * a detail (or an error's field) that names the field, parameter or header at fault; none may be 5xx.</li>
 * </ul>
 */
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    /** An answer must not name the server's Java types or exceptions. */
    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern
            .compile("\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.[A-Za-z]|[A-Za-z]+Exception\\b");
    /** Request body limits of the services (quarkus.http.limits.max-body-size). */
    private static final Map<String, Integer> BODY_LIMIT_MB = Map.of("customer-service", 1, "loan-service", 1,
            "risk-service", 32, "retention-service", 1);

    private static ServiceProcesses services;
    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String allRoles;

    record Operation(String service, String method, String path, JsonNode spec, List<String> roles) {
        String name() {
            return service + " " + method + " " + path;
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    @BeforeAll
    static void loadDocuments() throws Exception {
        services = E2eStack.services();
        allRoles = TestUsers.as("contract.test").getValue();
        for (String service : ServiceProcesses.SERVICES) {
            Answer doc = send("GET", services.url(service) + "/q/openapi?format=json", null, null, null);
            assertEquals(200, doc.status(), service + " serves its OpenAPI document without a token");
            DOCUMENTS.put(service, JSON.readTree(doc.body()));
        }
    }

    @Test
    void everyOperationRequiresATokenWithOneOfItsRoles() throws Exception {
        Map<String, List<String>> matrix = documentedMatrix();
        String foreignToken = "Bearer " + LocalJwt.inFolder(Files.createTempDirectory("foreign-issuer"))
                .token("intruder", TestUsers.ALL_ROLES, Duration.ofMinutes(10));
        List<String> failures = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        List<Operation> operations = operations();
        for (Operation op : operations) {
            int[] c = counts.computeIfAbsent(op.service(), s -> new int[2]);
            c[0]++;
            String key = op.method() + " " + op.path();
            if (op.roles().isEmpty()) {
                failures.add(op.name() + ": no roles in its OpenAPI security requirement");
                continue;
            }
            List<String> documented = matrix.get(op.service() + " " + key);
            if (documented == null || !documented.equals(op.roles())) {
                failures.add(op.name() + ": roles " + op.roles() + " but docs/security.md says " + documented);
            }
            String url = services.url(op.service()) + concretePath(op);
            String body = op.spec().has("requestBody") ? "{}" : null;
            check(failures, op.name() + " without a token", send(op.method(), url, body, null, null), 401);
            check(failures, op.name() + " with another issuer's token", send(op.method(), url, body, foreignToken, null), 401);
            c[1] += 2;
            for (String role : TestUsers.ALL_ROLES) {
                Answer a = send(op.method(), url, body, TestUsers.as("role.test", role).getValue(), null);
                c[1]++;
                if (op.roles().contains(role)) {
                    if (a.status() == 401 || a.status() == 403) {
                        failures.add(op.name() + " as " + role + ": " + a.status() + " although the role is allowed");
                    }
                } else {
                    check(failures, op.name() + " as " + role, a, 403);
                }
            }
        }
        counts.forEach((service, c) -> System.out.printf("role checks %-18s %3d operations, %4d requests%n", service, c[0], c[1]));
        for (String documented : matrix.keySet()) {
            if (operations.stream().noneMatch(op -> (op.service() + " " + op.method() + " " + op.path()).equals(documented))) {
                failures.add("docs/security.md lists " + documented + ", which no OpenAPI document has");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " role failures:\n" + String.join("\n", failures));
    }

    @Test
    void badInputIsAnswered4xxProblemJsonNeverWith5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>(); // operations, requests, 4xx, 5xx
        for (Operation op : operations()) {
            int[] c = counts.computeIfAbsent(op.service(), s -> new int[4]);
            c[0]++;
            for (Map.Entry<String, BadRequests.Request> bad : BadRequests.of(op, DOCUMENTS.get(op.service())).entrySet()) {
                BadRequests.Request r = bad.getValue();
                Answer a = send(op.method(), services.url(op.service()) + r.pathAndQuery(), r.body(), allRoles, r.contentType(), r.headers());
                count(c, a);
                String problem = problemWith(a, r.mayNotExist() && a.status() == 404 ? List.of() : r.names());
                if (problem != null) {
                    failures.add(op.name() + " " + bad.getKey() + ": " + problem + ": " + a.status() + " " + a.contentType() + " "
                            + a.body().substring(0, Math.min(200, a.body().length())));
                }
            }
        }
        for (String service : ServiceProcesses.SERVICES) {
            Operation post = operations().stream().filter(o -> o.service().equals(service) && o.spec().has("requestBody"))
                    .findFirst().orElseThrow();
            String oversized = "{\"padding\":\"" + "x".repeat((BODY_LIMIT_MB.get(service) + 1) * 1024 * 1024) + "\"}";
            Answer a = send(post.method(), services.url(service) + concretePath(post), oversized, allRoles, null);
            count(counts.get(service), a);
            check(failures, post.name() + " with a body over " + BODY_LIMIT_MB.get(service) + " MB", a, 413);
        }
        int[] total = new int[4];
        counts.forEach((service, c) -> {
            System.out.printf("bad input %-18s %3d operations, %5d requests: %5d answered 4xx, %d answered 5xx%n", service, c[0], c[1], c[2], c[3]);
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        });
        System.out.printf("bad input %-18s %3d operations, %5d requests: %5d answered 4xx, %d answered 5xx%n", "all", total[0], total[1],
                total[2], total[3]);
        assertTrue(failures.isEmpty(), failures.size() + " bad-input failures:\n" + String.join("\n", failures));
        assertEquals(0, total[3], "5xx answers");
    }

    private static void count(int[] c, Answer a) {
        c[1]++;
        if (a.status() >= 500) {
            c[3]++;
        } else if (a.status() >= 400) {
            c[2]++;
        }
    }

    /**
     * What is wrong with an answer to bad input, or null: it must be 4xx problem+json naming no Java type, and
     * its detail (or one of its errors' fields) must name one of {@code names}, as a word.
     */
    private static String problemWith(Answer a, List<String> names) {
        if (a.status() < 400 || a.status() >= 500) {
            return "not 4xx";
        }
        if (!a.contentType().startsWith(PROBLEM)) {
            return "not " + PROBLEM;
        }
        if (JAVA_NAME.matcher(a.body()).find()) {
            return "names a Java type";
        }
        if (names.isEmpty()) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(a.body());
            String detail = problem.path("detail").asText();
            for (String name : names) {
                for (JsonNode error : problem.path("errors")) {
                    String field = error.path("field").asText();
                    if (field.equals(name) || field.endsWith("." + name) || field.startsWith(name + ".") || field.startsWith(name + "[")) {
                        return null;
                    }
                }
                if (java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9])")
                        .matcher(detail).find()) {
                    return null;
                }
            }
            return "the detail names none of " + names;
        } catch (IOException e) {
            return "the body is not JSON";
        }
    }

    // --- the operations and their roles ----------------------------------------------------------

    private static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        DOCUMENTS.forEach((service, doc) -> doc.path("paths").fields().forEachRemaining(path -> {
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : m.getValue().path("security")) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
                }
                roles.sort(null);
                ops.add(new Operation(service, m.getKey().toUpperCase(), path.getKey(), m.getValue(), roles));
            }
        }));
        return ops;
    }

    /** docs/security.md: rows "| service | METHOD | /path | role, role |". */
    private static Map<String, List<String>> documentedMatrix() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("lendkeep.repo.root", ".."));
        Map<String, List<String>> matrix = new TreeMap<>();
        for (String line : Files.readAllLines(root.resolve("docs/security.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && cells[1].trim().endsWith("-service") && cells[2].trim().matches("GET|POST|PUT|PATCH|DELETE")) {
                List<String> roles = new ArrayList<>();
                for (String r : cells[4].replace("`", "").split(",")) {
                    roles.add(r.trim());
                }
                roles.sort(null);
                matrix.put(cells[1].trim() + " " + cells[2].trim() + " " + cells[3].replace("`", "").trim(), roles);
            }
        }
        assertTrue(matrix.size() > 50, "docs/security.md has the role matrix (found " + matrix.size() + " rows)");
        return matrix;
    }

    // --- HTTP ------------------------------------------------------------------------------------

    private static Answer send(String method, String url, String body, String authorization, String contentType) throws Exception {
        return send(method, url, body == null ? null : body.getBytes(StandardCharsets.UTF_8), authorization, contentType, Map.of());
    }

    private static Answer send(String method, String url, byte[] body, String authorization, String contentType,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            return new Answer(0, "", "no answer: " + e); // counted as a failure: a client must always get an answer
        }
    }

    private static void check(List<String> failures, String what, Answer a, int status) {
        if (a.status() != status || !a.contentType().startsWith(PROBLEM)) {
            failures.add(what + ": expected " + status + " " + PROBLEM + ", got " + a.status() + " " + a.contentType() + " "
                    + a.body().substring(0, Math.min(200, a.body().length())));
        }
    }

    private static String concretePath(Operation op) {
        return BadRequests.concretePath(op, DOCUMENTS.get(op.service()));
    }
}
