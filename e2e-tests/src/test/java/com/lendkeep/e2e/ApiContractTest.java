package com.lendkeep.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * <li>bad input generated from the schemas: malformed JSON, wrong types, missing required fields,
 * huge strings, negative and absurd numbers, unknown enum values, wrong content type, oversized
 * bodies, malformed and unknown path ids, bad query parameters; and what a strict reader refuses: text
 * after the body, fractional integers, dates as numbers or date-times or beyond year 9999, NUL
 * characters and broken Unicode in any text, parameter or path, paging numbers that overflow. Every
 * answer must be 4xx {@code application/problem+json} naming no Java type; none may be 5xx.</li>
 * </ul>
 */
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM = "application/problem+json";
    private static final String HUGE = "x".repeat(100_000);
    /** Stands for a lone surrogate in a body until the body is written (see badRequests). */
    private static final String BROKEN_UNICODE_MARKER = "@@LONE_SURROGATE@@";
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
        Map<String, int[]> counts = new TreeMap<>(); // tried, 4xx, 5xx
        for (Operation op : operations()) {
            int[] c = counts.computeIfAbsent(op.service(), s -> new int[3]);
            for (Map.Entry<String, Request> bad : badRequests(op).entrySet()) {
                Request r = bad.getValue();
                Answer a = send(op.method(), services.url(op.service()) + r.pathAndQuery(), r.body(), allRoles, r.contentType());
                c[0]++;
                if (a.status() >= 500) {
                    c[2]++;
                } else if (a.status() >= 400) {
                    c[1]++;
                }
                if (a.status() < 400 || a.status() >= 500 || !a.contentType().startsWith(PROBLEM)
                        || JAVA_NAME.matcher(a.body()).find()) {
                    failures.add(op.name() + " " + bad.getKey() + ": " + a.status() + " " + a.contentType() + " "
                            + a.body().substring(0, Math.min(200, a.body().length())));
                }
            }
        }
        for (String service : ServiceProcesses.SERVICES) {
            Operation post = operations().stream().filter(o -> o.service().equals(service) && o.spec().has("requestBody"))
                    .findFirst().orElseThrow();
            String oversized = "{\"padding\":\"" + "x".repeat((BODY_LIMIT_MB.get(service) + 1) * 1024 * 1024) + "\"}";
            Answer a = send(post.method(), services.url(service) + concretePath(post), oversized, allRoles, null);
            int[] c = counts.get(service);
            c[0]++;
            c[a.status() >= 500 ? 2 : 1]++;
            check(failures, post.name() + " with a body over " + BODY_LIMIT_MB.get(service) + " MB", a, 413);
        }
        counts.forEach((service, c) -> System.out.printf("bad input %-18s %5d requests: %5d answered 4xx, %d answered 5xx%n",
                service, c[0], c[1], c[2]));
        assertTrue(failures.isEmpty(), failures.size() + " bad-input failures:\n" + String.join("\n", failures));
        counts.values().forEach(c -> assertEquals(0, c[2], "5xx answers"));
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

    // --- bad requests, generated from the document -----------------------------------------------

    record Request(String pathAndQuery, String body, String contentType) {
    }

    private static Map<String, Request> badRequests(Operation op) {
        Map<String, Request> cases = new LinkedHashMap<>();
        JsonNode doc = DOCUMENTS.get(op.service());
        String path = concretePath(op);
        List<JsonNode> params = new ArrayList<>();
        op.spec().path("parameters").forEach(params::add);
        JsonNode body = requestSchema(op, doc);
        String validBody = body == null ? null : example(body, doc, 0).toString();

        for (JsonNode p : params) {
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"), doc);
            if ("path".equals(p.path("in").asText())) {
                if (!schema.has("enum")) { // an enum's first value is a real one: its bad values are below
                    cases.put("path " + name + " unknown", new Request(path, validBody, null));
                }
                for (String bad : badScalars(schema)) {
                    cases.put("path " + name + "=" + abbreviate(bad), new Request(op.path().replace("{" + name + "}",
                            URLEncoder.encode(bad, StandardCharsets.UTF_8)).replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                            validBody, null));
                }
            } else if ("query".equals(p.path("in").asText())) {
                for (String bad : badScalars(schema)) {
                    cases.put("query " + name + "=" + abbreviate(bad), new Request(path + "?" + name + "="
                            + URLEncoder.encode(bad, StandardCharsets.UTF_8), validBody, null));
                }
            }
        }
        if (body != null) {
            cases.put("malformed JSON", new Request(path, "{\"a\": ", null));
            cases.put("text after the JSON body", new Request(path, validBody + " trailing", null));
            cases.put("second JSON value after the body", new Request(path, validBody + " {}", null));
            cases.put("body is an array", new Request(path, "[]", null));
            cases.put("body is a number", new Request(path, "42", null));
            cases.put("body is text/plain", new Request(path, validBody, "text/plain"));
            if (body.has("required") && !body.path("required").isEmpty()) {
                cases.put("empty object", new Request(path, "{}", null));
            }
            ObjectNode valid = (ObjectNode) example(body, doc, 0);
            body.path("properties").fields().forEachRemaining(field -> {
                JsonNode schema = resolve(field.getValue(), doc);
                for (Map.Entry<String, JsonNode> bad : badValues(schema, doc).entrySet()) {
                    ObjectNode mutated = valid.deepCopy();
                    mutated.set(field.getKey(), bad.getValue());
                    // a lone surrogate cannot travel as a Java string: it is written as its JSON escape
                    String json = mutated.toString().replace(BROKEN_UNICODE_MARKER, "\\ud800");
                    cases.put("body " + field.getKey() + " " + bad.getKey(), new Request(path, json, null));
                }
                if (containsName(body.path("required"), field.getKey())) {
                    ObjectNode missing = valid.deepCopy();
                    missing.remove(field.getKey());
                    cases.put("body " + field.getKey() + " missing", new Request(path, missing.toString(), null));
                }
            });
        }
        return cases;
    }

    /** Invalid values for a field, by its schema. */
    private static Map<String, JsonNode> badValues(JsonNode schema, JsonNode doc) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "string" -> {
                bad.put("wrong type (object)", NODES.objectNode().put("a", 1));
                bad.put("huge string", NODES.textNode(HUGE));
                bad.put("NUL character", NODES.textNode("a\u0000b"));
                bad.put("broken Unicode", NODES.textNode("a" + BROKEN_UNICODE_MARKER));
                if (schema.has("enum")) {
                    bad.put("unknown enum value", NODES.textNode("NOT_A_VALUE"));
                }
                String format = schema.path("format").asText();
                if (List.of("date", "date-time", "uuid").contains(format)) {
                    bad.put("malformed " + format, NODES.textNode("not-a-" + format));
                }
                if ("date".equals(format)) {
                    bad.put("date as a number", NODES.numberNode(20261206));
                    bad.put("date-time for a date", NODES.textNode("2026-01-15T10:00:00Z"));
                    bad.put("year beyond 9999", NODES.textNode("+99999-01-01"));
                }
            }
            case "number", "integer" -> {
                if ("integer".equals(type)) {
                    bad.put("fractional", NODES.numberNode(new java.math.BigDecimal("1.5")));
                }
                bad.put("wrong type (string)", NODES.textNode("abc"));
                bad.put("negative", NODES.numberNode(-1));
                bad.put("absurd", NODES.numberNode(new java.math.BigDecimal("1e15")));
            }
            case "boolean" -> bad.put("wrong type (string)", NODES.textNode("maybe"));
            case "array" -> {
                bad.put("wrong type (string)", NODES.textNode("abc"));
                JsonNode items = resolve(schema.path("items"), doc);
                if ("string".equals(type(items))) {
                    ArrayNode hugeItems = NODES.arrayNode();
                    hugeItems.add(HUGE);
                    bad.put("huge item", hugeItems);
                }
            }
            case "object" -> bad.put("wrong type (string)", NODES.textNode("abc"));
            default -> {
            }
        }
        return bad;
    }

    private static List<String> badScalars(JsonNode schema) {
        List<String> bad = new ArrayList<>();
        switch (type(schema)) {
            case "integer", "number" -> {
                bad.add("abc");
                bad.add("-1");
                bad.add("99999999999999999999");
                bad.add("1000000000"); // fits an int, overflows page * size
                bad.add("1.5");
            }
            case "string" -> {
                bad.add("a\u0000b"); // NUL: PostgreSQL refuses it in text
                String format = schema.path("format").asText();
                if (schema.has("enum")) {
                    bad.add("NOT_A_VALUE");
                } else if (List.of("date", "date-time", "uuid").contains(format)) {
                    bad.add("not-a-" + format);
                } else {
                    bad.add("y".repeat(2_000)); // long, but under the HTTP request-line limit (4 KB)
                }
            }
            default -> {
            }
        }
        return bad;
    }

    /** A plausible value for a schema; only a base for mutations, it need not pass every business rule. */
    private static JsonNode example(JsonNode schema, JsonNode doc, int depth) {
        schema = resolve(schema, doc);
        if (schema.has("example") && depth > 0) {
            return schema.get("example");
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(f -> o.set(f.getKey(), example(f.getValue(), doc, depth + 1)));
                }
                yield o;
            }
            case "array" -> NODES.arrayNode().add(example(schema.path("items"), doc, depth + 1));
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue() : java.math.BigDecimal.ONE);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> {
                if (schema.has("enum")) {
                    yield schema.get("enum").get(0);
                }
                yield NODES.textNode(switch (schema.path("format").asText()) {
                    case "date" -> "2026-01-15";
                    case "date-time" -> "2026-01-15T10:00:00Z";
                    case "uuid" -> UUID.randomUUID().toString();
                    default -> "test";
                });
            }
            default -> NODES.nullNode();
        };
    }

    private static JsonNode requestSchema(Operation op, JsonNode doc) {
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode schema = resolve(content.elements().next().path("schema"), doc);
        return "object".equals(type(schema)) ? schema : null;
    }

    /** Follows $ref and single allOf/anyOf/oneOf wrappers. */
    private static JsonNode resolve(JsonNode schema, JsonNode doc) {
        for (int i = 0; i < 10; i++) {
            if (schema.has("$ref")) {
                String[] parts = schema.get("$ref").asText().substring(2).split("/");
                JsonNode target = doc;
                for (String part : parts) {
                    target = target.path(part);
                }
                schema = target;
            } else if (!schema.has("type") && (schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf"))) {
                JsonNode list = schema.has("allOf") ? schema.get("allOf") : schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
                schema = list.get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : "";
    }

    /** The operation's path with every path parameter replaced by an id that does not exist. */
    private static String concretePath(Operation op) {
        String path = op.path();
        for (JsonNode p : op.spec().path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                JsonNode schema = resolve(p.path("schema"), DOCUMENTS.get(op.service()));
                String value = schema.has("enum") ? schema.get("enum").get(0).asText()
                        : "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                        : "integer".equals(type(schema)) ? "987654" : "no-such-" + p.path("name").asText();
                path = path.replace("{" + p.path("name").asText() + "}", value);
            }
        }
        return path;
    }

    // --- HTTP ------------------------------------------------------------------------------------

    private static Answer send(String method, String url, String body, String authorization, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
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

    private static boolean containsName(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (name.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 12) + "...(" + s.length() + " chars)" : s;
    }
}
