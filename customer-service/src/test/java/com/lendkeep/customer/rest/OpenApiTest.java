package com.lendkeep.customer.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes every operation, and every request field and parameter comes with an example. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class OpenApiTest {

    private static final List<String> OPERATIONS = List.of("POST /customers", "GET /customers", "GET /customers/{id}",
            "PUT /customers/{id}", "GET /customers/{id}/overview", "POST /customers/{id}/erasure", "POST /customers/{id}/credit-scores",
            "GET /customers/{id}/credit-scores", "POST /customers/{id}/contacts", "GET /customers/{id}/contacts",
            "GET /customers/{id}/contact-preferences", "PUT /customers/{id}/contact-preferences");

    @Test
    void everyOperationIsDescribedWithExamples() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode doc = TestSupport.json(document);
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                found.add(name);
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText().isBlank()) {
                    missing.add(name + ": summary");
                }
                if (operation.path("description").asText().isBlank()) {
                    missing.add(name + ": description");
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (!parameter.has("example") && !parameter.has("examples")) {
                        missing.add(name + ": example of parameter " + parameter.path("name").asText());
                    }
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                if (!body.isMissingNode()) {
                    fieldExamples(doc, body, name + " body", missing, 0);
                }
                if (!operation.path("responses").fields().hasNext()) {
                    missing.add(name + ": responses");
                }
            }
        }
        assertTrue(found.containsAll(OPERATIONS), "documented: " + found);
        assertEquals(List.of(), missing);
    }

    /** Every scalar field of a request schema has an example; objects and arrays of objects are checked field by field. */
    private static void fieldExamples(JsonNode doc, JsonNode schema, String where, List<String> missing, int depth) {
        JsonNode resolved = resolve(doc, schema);
        if (depth > 4 || !resolved.has("properties")) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : resolved.get("properties").properties()) {
            JsonNode field = property.getValue();
            JsonNode target = resolve(doc, field);
            if (target.has("properties")) {
                fieldExamples(doc, target, where + "." + property.getKey(), missing, depth + 1);
            } else if ("array".equals(target.path("type").asText()) && resolve(doc, target.path("items")).has("properties")) {
                fieldExamples(doc, target.path("items"), where + "." + property.getKey() + "[]", missing, depth + 1);
            } else if (!hasExample(field) && !hasExample(target)) {
                missing.add(where + "." + property.getKey() + ": example");
            }
        }
    }

    /** OpenAPI 3.0 writes "example", 3.1 an "examples" array. */
    private static boolean hasExample(JsonNode schema) {
        return schema.has("example") || schema.path("examples").size() > 0;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode ref = schema.has("$ref") ? schema.get("$ref") : schema.path("allOf").path(0).path("$ref");
        if (ref.isTextual()) {
            String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            return doc.path("components").path("schemas").path(name);
        }
        return schema;
    }
}
