package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.response.Response;

/**
 * Idempotency-Key on retention-service's POSTs (the platform's one implementation), for a method
 * answering a Response (a playbook rule added) and one answering its body (a check run now).
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class IdempotencyKeyTest {

    /** A rule for a level no alert has, so that it proposes nothing in the other tests of this application. */
    private static Map<String, Object> rule(String id, int fee) {
        return Map.of("id", id, "description", "goodwill for no real level", "priority", 5,
                "when", Map.of("churnTypes", java.util.List.of("voluntary"), "levels", java.util.List.of("IDEMPOTENCY_TEST_ONLY")),
                "propose", Map.of("kind", "FEE_WAIVER", "feeWaived", fee, "churnReduction", 0.3));
    }

    @Test
    void aRetriedRuleCreationAddsOneVersionAndGetsTheFirstAnswer() {
        String ruleId = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("rule", rule(ruleId, 15), "comment", "retried by the client");
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON).header(TestUsers.as("manager.idem")).header("Idempotency-Key", key)
                .body(body).post("/playbook/rules");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        int version = first.path("version");
        Response again = given().contentType(ContentType.JSON).header(TestUsers.as("manager.idem")).header("Idempotency-Key", key)
                .body(body).post("/playbook/rules");
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).header("Location", first.header("Location"));
        assertEquals(first.asString(), again.asString());
        given().get("/playbook/versions/" + (version + 1)).then().statusCode(404);

        given().contentType(ContentType.JSON).header(TestUsers.as("manager.idem")).header("Idempotency-Key", key)
                .body(Map.of("rule", rule(ruleId, 16))).post("/playbook/rules")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString(key));
        given().header(TestUsers.as("manager.idem")).header("If-Match", "*").queryParam("comment", "test over")
                .delete("/playbook/rules/" + ruleId).then().statusCode(200);
    }

    @Test
    void aMethodAnsweringItsBodyIsReplayedToo() {
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key).queryParam("asOf", "2020-01-01").post("/cases/stop-waiting")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().asString();
        String again = given().header("Idempotency-Key", key).queryParam("asOf", "2020-01-01").post("/cases/stop-waiting")
                .then().statusCode(200).header("Idempotent-Replayed", equalTo("true")).contentType(ContentType.JSON).extract().asString();
        assertEquals(first, again);
        given().header("Idempotency-Key", key).queryParam("asOf", "2020-01-02").post("/cases/stop-waiting").then().statusCode(422);
    }
}
