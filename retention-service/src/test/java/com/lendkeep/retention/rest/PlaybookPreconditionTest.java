package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 18: "a playbook rule replacement without its version overwrites silently". A replacement or
 * removal must say which version it was made against (If-Match with the rule's ETag, or the
 * playbook's expectedVersion): 428 without, 412 when the rule changed since. The rules here match
 * only the made-up level PRECONDITION_TEST, so other tests keep the default playbook.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class PlaybookPreconditionTest {

    private static Map<String, Object> rule(String id, int fee) {
        return Map.of("id", id, "description", "goodwill for a made-up level", "priority", 5,
                "when", Map.of("churnTypes", List.of("voluntary"), "levels", List.of("PRECONDITION_TEST")),
                "propose", Map.of("kind", "FEE_WAIVER", "feeWaived", fee, "churnReduction", 0.3));
    }

    private static String newRule() {
        String id = "precondition-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("rule", rule(id, 20)))
                .post("/playbook/rules").then().statusCode(201).header("ETag", notNullValue());
        return id;
    }

    private static int playbookVersion() {
        return given().get("/playbook").then().statusCode(200).extract().path("version");
    }

    private static int fee(String id) {
        return given().get("/playbook/rules/" + id).then().statusCode(200).extract().path("propose.feeWaived");
    }

    @Test
    void aReplacementWithoutItsVersionIsRefusedAndChangesNothing() {
        String id = newRule();
        int before = playbookVersion();
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("rule", rule(id, 30)))
                .put("/playbook/rules/" + id).then().statusCode(428).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match")).body("detail", containsString("If-Match"));
        given().header(TestUsers.as("manager.kim")).delete("/playbook/rules/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("errors.field", hasItem("If-Match"));
        assertEquals(20, fee(id));
        assertEquals(before, playbookVersion(), "no version was made");
    }

    /** The lost update: two managers read the rule, both change it; the second must not overwrite the first. */
    @Test
    void theSecondOfTwoEditsMadeOnTheSameReadGets412() {
        String id = newRule();
        String etag = given().get("/playbook/rules/" + id).then().statusCode(200).extract().header("ETag");
        String next = given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).header("If-Match", etag)
                .body(Map.of("rule", rule(id, 30))).put("/playbook/rules/" + id).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, next, "a change makes a new ETag");
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).header("If-Match", etag)
                .body(Map.of("rule", rule(id, 40))).put("/playbook/rules/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("errors.field", hasItem("If-Match"));
        assertEquals(30, fee(id), "the first edit stands");
        given().header(TestUsers.as("manager.lin")).header("If-Match", etag).delete("/playbook/rules/" + id).then().statusCode(412);
        assertEquals(next, given().get("/playbook/rules/" + id).then().extract().header("ETag"), "the rule's ETag is the one PUT answered");
        given().header(TestUsers.as("manager.lin")).header("If-Match", next).delete("/playbook/rules/" + id).then().statusCode(200);
        given().get("/playbook/rules/" + id).then().statusCode(404);
    }

    @Test
    void aChangeToAnotherRuleDoesNotStaleThisOne() {
        String id = newRule();
        String etag = given().get("/playbook/rules/" + id).then().statusCode(200).extract().header("ETag");
        String other = newRule();
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).header("If-Match", etag)
                .body(Map.of("rule", rule(id, 35))).put("/playbook/rules/" + id).then().statusCode(200);
        given().header(TestUsers.as("manager.kim")).header("If-Match", "*").delete("/playbook/rules/" + other).then().statusCode(200);
        given().header(TestUsers.as("manager.kim")).header("If-Match", "*").delete("/playbook/rules/" + id).then().statusCode(200);
    }

    @Test
    void theBodysExpectedVersionStillWorksAndAStaleOneIs409() {
        String id = newRule();
        int v = playbookVersion();
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("expectedVersion", v, "rule", rule(id, 31)))
                .put("/playbook/rules/" + id).then().statusCode(200).body("version", equalTo(v + 1));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("expectedVersion", v, "rule", rule(id, 32)))
                .put("/playbook/rules/" + id).then().statusCode(409).contentType("application/problem+json");
        assertEquals(31, fee(id));
        given().header(TestUsers.as("manager.kim")).queryParam("expectedVersion", v + 1).delete("/playbook/rules/" + id).then().statusCode(200);
    }

    /**
     * A manager's replacement whose answer was lost is sent again: with its Idempotency-Key the retry
     * gets the first answer (200, replayed), not 412 against its own change; the same for a removal,
     * which would otherwise answer 404 or 412.
     */
    @Test
    void aRetriedReplacementOrRemovalWithItsKeyGetsTheFirstAnswer() {
        String id = newRule();
        String etag = given().get("/playbook/rules/" + id).then().statusCode(200).extract().header("ETag");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).header("If-Match", etag)
                .header("Idempotency-Key", key).body(Map.of("rule", rule(id, 45))).put("/playbook/rules/" + id).then().statusCode(200)
                .extract().asString();
        int version = playbookVersion();
        String again = given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).header("If-Match", etag)
                .header("Idempotency-Key", key).body(Map.of("rule", rule(id, 45))).put("/playbook/rules/" + id).then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(JsonPath.from(first).getInt("version"), JsonPath.from(again).getInt("version"), "the first answer, again");
        assertEquals(version, playbookVersion(), "the retry changed nothing");
        assertEquals(45, fee(id));

        String current = given().get("/playbook/rules/" + id).then().statusCode(200).extract().header("ETag");
        String removal = UUID.randomUUID().toString();
        given().header(TestUsers.as("manager.kim")).header("If-Match", current).header("Idempotency-Key", removal)
                .delete("/playbook/rules/" + id).then().statusCode(200);
        given().header(TestUsers.as("manager.kim")).header("If-Match", current).header("Idempotency-Key", removal)
                .delete("/playbook/rules/" + id).then().statusCode(200).header("Idempotent-Replayed", "true");
        given().get("/playbook/rules/" + id).then().statusCode(404);
    }

    @Test
    void aMalformedIfMatchIsA400NamingIt() {
        String id = newRule();
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).header("If-Match", "\"yesterday\"")
                .body(Map.of("rule", rule(id, 30))).put("/playbook/rules/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("If-Match"));
        given().header(TestUsers.as("manager.kim")).header("If-Match", "*").delete("/playbook/rules/" + id).then().statusCode(200);
    }

    @Test
    void theDocumentDeclaresTheConditionalAnswers() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String method : List.of("put", "delete")) {
            Map<String, Object> op = doc.getMap("paths.'/playbook/rules/{id}'." + method);
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            for (String code : List.of("200", "412", "428")) {
                assertEquals(true, responses.containsKey(code), method + " declares " + code);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> params = (List<Map<String, Object>>) op.get("parameters");
            assertEquals(true, params.stream().anyMatch(p -> "If-Match".equals(p.get("name")) && "header".equals(p.get("in"))),
                    method + " declares If-Match");
        }
        assertEquals(true, doc.getMap("paths.'/playbook/rules/{id}'.get.responses.'200'.headers").containsKey("ETag"));
    }
}
