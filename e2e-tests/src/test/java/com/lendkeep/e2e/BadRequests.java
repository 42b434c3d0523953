package com.lendkeep.e2e;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bad requests {@link ApiContractTest} sends to one operation, generated from the operation's
 * OpenAPI document, each with the names its answer's detail must mention (the field, parameter or
 * header at fault). What a strict reader refuses: malformed or trailing JSON, wrong types, missing
 * required fields, huge strings, unknown enum values, fractions for whole numbers (1.5 and 12.0),
 * dates as numbers, date-times or beyond year 9999, NUL characters and broken Unicode (a lone
 * surrogate escape, raw bytes that are not UTF-8, a percent-encoded surrogate) in every text of the
 * body (nested ones too), every query parameter and every path parameter, paging numbers that
 * overflow, malformed If-Match and Idempotency-Key headers.
 */
final class BadRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);
    /** Stand for what a Java string cannot hold, until the body is written as bytes. */
    private static final String LONE_SURROGATE = "@@LONE_SURROGATE@@";
    private static final String NOT_UTF8 = "@@NOT_UTF8@@";
    /** Names the detail of a whole-body problem must use. */
    static final List<String> BODY = List.of("body");
    /** The one bad parameter value that is well-formed text: a service may look it up first (404). */
    private static final String LONG = "long";
    /** Nested objects deeper than this are mutated as a whole only. */
    private static final int MAX_DEPTH = 3;

    /**
     * One bad request.
     *
     * @param names       the detail (or the errors' fields) must mention one of these; empty when the answer need name
     *                    nothing (an unknown but well-formed id; a value the document sets no bound for)
     * @param mayNotExist a 404 is a right answer too: the request is well-formed up to what it is about, and refers to
     *                    a resource that does not exist (the ids here are made up), which a service may find first
     */
    record Request(String pathAndQuery, byte[] body, String contentType, Map<String, String> headers, List<String> names,
            boolean mayNotExist) {
    }

    /** A bad value for a field; {@code named}: the answer must name the field (the document says the value is wrong). */
    private record Bad(JsonNode value, boolean named) {
        Bad(JsonNode value) {
            this(value, true);
        }
    }

    private final ApiContractTest.Operation op;
    private final JsonNode doc;
    private final Map<String, Request> cases = new LinkedHashMap<>();
    private final Map<String, String> baseHeaders = new LinkedHashMap<>();
    private String path;
    private byte[] validBody;
    /** The document's example of the body (a valid one), else the generated one. */
    private byte[] exampleBody;

    private BadRequests(ApiContractTest.Operation op, JsonNode doc) {
        this.op = op;
        this.doc = doc;
    }

    static Map<String, Request> of(ApiContractTest.Operation op, JsonNode doc) {
        BadRequests b = new BadRequests(op, doc);
        b.generate();
        return b.cases;
    }

    private void generate() {
        path = concretePath(op, doc);
        JsonNode body = requestSchema();
        ObjectNode valid = body == null ? null : (ObjectNode) example(body, 0);
        validBody = valid == null ? null : utf8(valid.toString());
        JsonNode documented = op.spec().path("requestBody").path("content").path("application/json").path("example");
        exampleBody = documented.isObject() ? utf8(documented.toString()) : validBody;
        for (JsonNode p : op.spec().path("parameters")) {
            if ("header".equals(p.path("in").asText()) && "If-Match".equalsIgnoreCase(p.path("name").asText())) {
                baseHeaders.put("If-Match", "*"); // so that what follows reaches the body and parameter checks, not a 428
            }
        }
        parameters();
        headers();
        if (body != null) {
            wholeBody(body);
            fields(body, valid, new ArrayList<>(), 0);
        }
    }

    // --- parameters --------------------------------------------------------------------------------

    private void parameters() {
        for (JsonNode p : op.spec().path("parameters")) {
            String name = p.path("name").asText();
            JsonNode schema = resolve(p.path("schema"), doc);
            String in = p.path("in").asText();
            if ("path".equals(in)) {
                if (!schema.has("enum")) { // an enum's first value is a real one: its bad values are below
                    put("path " + name + " unknown", path, validBody, null, List.of(), true);
                }
                for (Map.Entry<String, String> bad : badScalars(schema).entrySet()) {
                    String p2 = op.path().replace("{" + name + "}", bad.getValue()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    put("path " + name + " " + bad.getKey(), p2, validBody, null, List.of(name), bad.getKey().equals(LONG));
                }
            } else if ("query".equals(in)) {
                for (Map.Entry<String, String> bad : badScalars(schema).entrySet()) {
                    put("query " + name + " " + bad.getKey(), path + "?" + name + "=" + bad.getValue(), validBody, null, List.of(name),
                            bad.getKey().equals(LONG));
                }
            }
        }
    }

    /** Bad values of a parameter, already percent-encoded for the URL. */
    private static Map<String, String> badScalars(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("NUL character", "a%00b"); // PostgreSQL refuses it in text
        bad.put("percent-encoded lone surrogate", "a%ED%A0%80b"); // not UTF-8
        bad.put("percent-encoded byte that is not UTF-8", "a%FFb");
        switch (type(schema)) {
            case "integer", "number" -> {
                bad.put("not a number", "abc");
                bad.put("negative", "-1");
                bad.put("beyond 64 bits", "99999999999999999999");
                bad.put("int max", "2147483647");
                bad.put("overflows page x size", "1000000000");
                bad.put("fraction", "1.5");
                if ("integer".equals(type(schema))) {
                    bad.put("whole number written as a fraction", "12.0");
                }
            }
            case "string" -> {
                String format = schema.path("format").asText();
                if (schema.has("enum")) {
                    bad.put("unknown enum value", "NOT_A_VALUE");
                } else if ("date".equals(format)) {
                    bad.put("malformed date", "not-a-date");
                    bad.put("date as a number", "20261206");
                    bad.put("date-time for a date", encode("2026-01-15T10:00:00Z"));
                    bad.put("year beyond 9999", encode("+99999-01-01"));
                    bad.put("five-digit year", "10000-01-01");
                } else if (List.of("date-time", "uuid").contains(format)) {
                    bad.put("malformed " + format, "not-a-" + format);
                } else {
                    bad.put(LONG, "y".repeat(2_000)); // under the request-line limit (4096); a well-formed text, maybe too long
                }
            }
            default -> {
            }
        }
        return bad;
    }

    private void headers() {
        if (baseHeaders.containsKey("If-Match")) {
            put("If-Match malformed", path, exampleBody, null, List.of("If-Match"), true, Map.of("If-Match", "\"yesterday\""));
        }
        boolean idempotent = op.spec().path("parameters").findValuesAsText("name").contains("Idempotency-Key");
        if (idempotent) {
            put("Idempotency-Key too long", path, exampleBody, null, List.of("Idempotency-Key"), true,
                    Map.of("Idempotency-Key", "k".repeat(256)));
        }
    }

    // --- the body ----------------------------------------------------------------------------------

    private void wholeBody(JsonNode body) {
        String valid = new String(validBody, StandardCharsets.UTF_8);
        put("malformed JSON", path, utf8("{\"a\": "), null, BODY, false);
        put("text after the JSON body", path, utf8(valid + " trailing"), null, BODY, false);
        put("second JSON value after the body", path, utf8(valid + " {}"), null, BODY, false);
        put("body is an array", path, utf8("[]"), null, BODY, false);
        put("body is a number", path, utf8("42"), null, BODY, false);
        put("body is text/plain", path, validBody, "text/plain", List.of("Content-Type"), false);
        if (body.has("required") && !body.path("required").isEmpty()) {
            List<String> required = new ArrayList<>();
            body.path("required").forEach(r -> required.add(r.asText()));
            put("empty object", path, utf8("{}"), null, required, false);
        }
    }

    /** Each field of {@code schema} (at {@code at} inside the valid body), nested objects and arrays of objects too. */
    private void fields(JsonNode schema, ObjectNode valid, List<String> at, int depth) {
        schema.path("properties").fields().forEachRemaining(field -> {
            List<String> here = new ArrayList<>(at);
            here.add(field.getKey());
            String label = String.join(".", here);
            JsonNode fieldSchema = resolve(field.getValue(), doc);
            for (Map.Entry<String, Bad> bad : badValues(fieldSchema).entrySet()) {
                put("body " + label + " " + bad.getKey(), path, written(with(valid, here, bad.getValue().value())), null,
                        bad.getValue().named() ? List.of(field.getKey()) : List.of(), true);
            }
            if (containsName(schema.path("required"), field.getKey())) {
                put("body " + label + " missing", path, written(with(valid, here, null)), null, List.of(field.getKey()), true);
            }
            if (depth < MAX_DEPTH && "object".equals(type(fieldSchema))) {
                fields(fieldSchema, valid, here, depth + 1);
            } else if (depth < MAX_DEPTH && "array".equals(type(fieldSchema))) {
                JsonNode items = resolve(fieldSchema.path("items"), doc);
                if ("object".equals(type(items))) {
                    here.add("0");
                    fields(items, valid, here, depth + 1);
                } else if ("string".equals(type(items))) {
                    for (String bad : List.of("a\u0000b", "a" + LONE_SURROGATE, "a" + NOT_UTF8)) {
                        ArrayNode list = NODES.arrayNode().add(bad);
                        put("body " + label + " item " + abbreviate(bad), path, written(with(valid, here, list)), null, List.of(field.getKey()),
                                true);
                    }
                }
            }
        });
    }

    /**
     * Invalid values for a field, by its schema. A negative or huge number is wrong for sure only where
     * the document bounds the field (a random seed may be negative, a version number -1 is merely stale):
     * elsewhere it must still get a 4xx problem, which need not name the field.
     */
    private Map<String, Bad> badValues(JsonNode schema) {
        Map<String, Bad> bad = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "string" -> {
                bad.put("wrong type (object)", new Bad(NODES.objectNode().put("a", 1)));
                bad.put("huge string", new Bad(NODES.textNode(HUGE)));
                bad.put("NUL character", new Bad(NODES.textNode("a\u0000b")));
                bad.put("lone surrogate escape", new Bad(NODES.textNode("a" + LONE_SURROGATE)));
                bad.put("bytes that are not UTF-8", new Bad(NODES.textNode("a" + NOT_UTF8)));
                if (schema.has("enum")) {
                    bad.put("unknown enum value", new Bad(NODES.textNode("NOT_A_VALUE")));
                }
                String format = schema.path("format").asText();
                if (List.of("date", "date-time", "uuid").contains(format)) {
                    bad.put("malformed " + format, new Bad(NODES.textNode("not-a-" + format)));
                }
                if ("date".equals(format)) {
                    bad.put("date as a number", new Bad(NODES.numberNode(20261206)));
                    bad.put("date-time for a date", new Bad(NODES.textNode("2026-01-15T10:00:00Z")));
                    bad.put("year beyond 9999", new Bad(NODES.textNode("+99999-01-01")));
                    bad.put("five-digit year", new Bad(NODES.textNode("10000-01-01")));
                }
            }
            case "number", "integer" -> {
                if ("integer".equals(type)) {
                    bad.put("fractional", new Bad(NODES.numberNode(new BigDecimal("1.5"))));
                    bad.put("whole number written as a fraction", new Bad(NODES.numberNode(new BigDecimal("12.0"))));
                    bad.put("beyond 64 bits", new Bad(NODES.numberNode(new BigDecimal("99999999999999999999"))));
                }
                bad.put("wrong type (string)", new Bad(NODES.textNode("abc")));
                BigDecimal minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
                BigDecimal maximum = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
                BigDecimal absurd = new BigDecimal("1e15");
                bad.put("negative", new Bad(NODES.numberNode(-1), minimum != null && minimum.signum() >= 0));
                bad.put("absurd", new Bad(NODES.numberNode(absurd), maximum != null && maximum.compareTo(absurd) < 0));
            }
            case "boolean" -> bad.put("wrong type (string)", new Bad(NODES.textNode("maybe")));
            case "array" -> {
                bad.put("wrong type (string)", new Bad(NODES.textNode("abc")));
                JsonNode items = resolve(schema.path("items"), doc);
                if ("string".equals(type(items))) {
                    bad.put("huge item", new Bad(NODES.arrayNode().add(HUGE)));
                }
            }
            case "object" -> bad.put("wrong type (string)", new Bad(NODES.textNode("abc")));
            default -> {
            }
        }
        return bad;
    }

    /** A copy of {@code valid} with the value at {@code at} replaced (null: removed); array indexes are numbers. */
    private static ObjectNode with(ObjectNode valid, List<String> at, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        JsonNode parent = copy;
        for (String step : at.subList(0, at.size() - 1)) {
            JsonNode next = parent.isArray() ? parent.path(Integer.parseInt(step)) : parent.path(step);
            if (!next.isContainerNode()) {
                return copy; // the example has no such container: nothing to mutate
            }
            parent = next;
        }
        String last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        }
        return copy;
    }

    /** The body's bytes: the stand-ins become a lone surrogate's JSON escape, or two bytes that are not UTF-8. */
    private static byte[] written(ObjectNode body) {
        String json = body.toString().replace(LONE_SURROGATE, "\\ud800");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = json.split(NOT_UTF8, -1);
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(utf8(parts[i]));
            if (i < parts.length - 1) {
                out.write(0xC3); // a two-byte sequence's first byte...
                out.write(0x28); // ...followed by "(" instead of a continuation byte
            }
        }
        return out.toByteArray();
    }

    private void put(String name, String pathAndQuery, byte[] body, String contentType, List<String> names, boolean mayNotExist) {
        put(name, pathAndQuery, body, contentType, names, mayNotExist, Map.of());
    }

    private void put(String name, String pathAndQuery, byte[] body, String contentType, List<String> names, boolean mayNotExist,
            Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(baseHeaders);
        headers.putAll(extra);
        cases.put(name, new Request(pathAndQuery, body, contentType, headers, names, mayNotExist));
    }

    // --- the document ------------------------------------------------------------------------------

    private JsonNode requestSchema() {
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode schema = resolve(content.elements().next().path("schema"), doc);
        return "object".equals(type(schema)) ? schema : null;
    }

    /** A plausible value for a schema; only a base for mutations, it need not pass every business rule. */
    private JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema, doc);
        if (schema.has("example") && depth > 0 && !"object".equals(type(schema))) {
            return schema.get("example");
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    final JsonNode s = schema;
                    s.path("properties").fields().forEachRemaining(f -> o.set(f.getKey(), example(f.getValue(), depth + 1)));
                }
                yield o;
            }
            case "array" -> NODES.arrayNode().add(example(schema.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue() : BigDecimal.ONE);
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

    /** Follows $ref and single allOf/anyOf/oneOf wrappers. */
    static JsonNode resolve(JsonNode schema, JsonNode doc) {
        for (int i = 0; i < 10; i++) {
            if (schema.has("$ref")) {
                JsonNode target = doc;
                for (String part : schema.get("$ref").asText().substring(2).split("/")) {
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

    static String type(JsonNode schema) {
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

    /** The operation's path with every path parameter replaced by a well-formed id that does not exist. */
    static String concretePath(ApiContractTest.Operation op, JsonNode doc) {
        String path = op.path();
        for (JsonNode p : op.spec().path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                JsonNode schema = resolve(p.path("schema"), doc);
                String value = schema.has("enum") ? schema.get("enum").get(0).asText()
                        : "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                        : "integer".equals(type(schema)) ? "987654" : "no-such-" + p.path("name").asText();
                path = path.replace("{" + p.path("name").asText() + "}", value);
            }
        }
        return path;
    }

    private static boolean containsName(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (name.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        String shown = s.replace("\u0000", "\\0");
        return shown.length() > 30 ? shown.substring(0, 12) + "...(" + shown.length() + " chars)" : shown;
    }
}
