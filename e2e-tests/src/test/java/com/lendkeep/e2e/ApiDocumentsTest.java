package com.lendkeep.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.ServiceProcesses;

import io.restassured.RestAssured;

/**
 * The four OpenAPI documents as the running services serve them, read as a client generator reads
 * them: every operation has an operationId unique across the four services and declares its real
 * success answer (a schema, as {@code application/json}); every error answer is problem+json with
 * the Problem schema, 401 and 403 included; a 201 declares its Location header; every header has a
 * schema; every request body has an example; a schema name used by two services means the same
 * thing in both; every POST, PUT, DELETE and PATCH declares the Idempotency-Key header it honours.
 */
class ApiDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Success answers that are not JSON by design: the probe's text and the report's CSV beside its JSON. */
    private static final Set<String> NON_JSON_SUCCESS = Set.of("text/plain", "text/csv");
    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();

    @BeforeAll
    static void loadDocuments() throws Exception {
        ServiceProcesses services = E2eStack.services();
        for (String service : ServiceProcesses.SERVICES) {
            String body = RestAssured.given().get(services.url(service) + "/q/openapi?format=json").then().statusCode(200)
                    .extract().asString();
            DOCUMENTS.put(service, JSON.readTree(body));
        }
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndItsSuccessSchema() {
        List<String> failures = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        int operations = 0;
        for (var doc : DOCUMENTS.entrySet()) {
            for (var path : iterable(doc.getValue().path("paths"))) {
                for (var method : iterable(path.getValue())) {
                    if (!METHODS.contains(method.getKey())) {
                        continue;
                    }
                    operations++;
                    String name = doc.getKey() + " " + method.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode op = method.getValue();
                    String id = op.path("operationId").asText("");
                    if (id.isEmpty()) {
                        failures.add(name + ": no operationId");
                    } else if (ids.putIfAbsent(id, name) != null) {
                        failures.add(name + ": operationId " + id + " is also " + ids.get(id));
                    }
                    checkResponses(name, op.path("responses"), !op.path("security").isEmpty(), failures);
                    if (java.util.Set.of("post", "put", "delete", "patch").contains(method.getKey()) && !declaresHeader(op, "Idempotency-Key")) {
                        failures.add(name + ": Idempotency-Key is not declared");
                    }
                    if (op.has("requestBody")) {
                        for (var media : iterable(op.path("requestBody").path("content"))) {
                            if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                                failures.add(name + ": request body " + media.getKey() + " has no example");
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("OpenAPI documents: %d operations, %d operationIds%n", operations, ids.size());
        assertTrue(failures.isEmpty(), failures.size() + " document failures:\n" + String.join("\n", failures));
        assertEquals(operations, ids.size());
    }

    @Test
    void aSchemaNameMeansTheSameInEveryService() {
        Map<String, Map.Entry<String, JsonNode>> seen = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (var doc : DOCUMENTS.entrySet()) {
            for (var schema : iterable(doc.getValue().path("components").path("schemas"))) {
                if (!schema.getValue().has("properties") && !schema.getValue().has("enum")) {
                    continue; // scalar types (LocalDate, UUID...) differ only in their examples
                }
                var first = seen.putIfAbsent(schema.getKey(), Map.entry(doc.getKey(), schema.getValue()));
                if (first != null && !first.getValue().equals(schema.getValue())) {
                    failures.add(schema.getKey() + " differs between " + first.getKey() + " and " + doc.getKey());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void checkResponses(String name, JsonNode responses, boolean secured, List<String> failures) {
        boolean success = false;
        for (var response : iterable(responses)) {
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("2")) {
                success = true;
                if (!"204".equals(code) && !successHasSchema(content)) {
                    failures.add(name + " " + code + ": no application/json schema " + content);
                }
                if ("201".equals(code) && !response.getValue().path("headers").has("Location")) {
                    failures.add(name + " 201: no Location header");
                }
            } else if ((code.startsWith("4") || code.startsWith("5"))
                    && !content.path(PROBLEM).path("schema").path("$ref").asText().endsWith("/Problem")) {
                failures.add(name + " " + code + ": not declared as problem+json with the Problem schema");
            }
            for (var header : iterable(response.getValue().path("headers"))) {
                if (!header.getValue().has("schema") && !header.getValue().has("$ref")) {
                    failures.add(name + " " + code + ": header " + header.getKey() + " has no schema");
                }
            }
        }
        if (!success) {
            failures.add(name + ": no success answer");
        }
        for (String code : secured ? List.of("400", "401", "403") : List.of("400")) {
            if (!responses.has(code)) {
                failures.add(name + ": " + code + " not declared");
            }
        }
    }

    private static boolean successHasSchema(JsonNode content) {
        JsonNode json = content.path("application/json").path("schema");
        if (!json.isMissingNode() && !json.isEmpty()) {
            return true;
        }
        for (var media : iterable(content)) {
            if (NON_JSON_SUCCESS.contains(media.getKey()) && !content.has("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresHeader(JsonNode op, String header) {
        for (JsonNode p : op.path("parameters")) {
            if ("header".equals(p.path("in").asText()) && header.equalsIgnoreCase(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
