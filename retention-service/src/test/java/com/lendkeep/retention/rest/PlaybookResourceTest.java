package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.retention.support.Customers;
import com.lendkeep.retention.support.Events;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Editing the playbook through the API: validated, versioned, audited, and used at once. The rule
 * added here matches only the made-up level TEST_ONLY, so the other tests keep the default playbook.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class PlaybookResourceTest {

    static Map<String, Object> rule(String id, int fee) {
        return Map.of("id", id, "description", "goodwill for the test level", "priority", 5,
                "when", Map.of("churnTypes", List.of("voluntary"), "levels", List.of("TEST_ONLY")),
                "propose", Map.of("kind", "FEE_WAIVER", "feeWaived", fee, "churnReduction", 0.3));
    }

    static int version() {
        return given().get("/playbook").then().statusCode(200).extract().path("version");
    }

    @Test
    void theDefaultPlaybookIsSeeded() {
        given().get("/playbook").then().statusCode(200).body("version", notNullValue())
                .body("rules.id", hasItems("involuntary-hardship-restructuring", "involuntary-payment-extension",
                        "involuntary-financial-counselling", "voluntary-competitor-rate-match", "voluntary-loyalty-rate",
                        "voluntary-service-fee-waiver", "premium-relationship-manager-call"));
        given().get("/playbook/versions/1").then().statusCode(200).body("action", equalTo("SEED")).body("changedBy", equalTo("migration"))
                .body("rules.size()", equalTo(7));
        given().get("/playbook/rules/involuntary-payment-extension").then().statusCode(200)
                .body("propose.kind", equalTo("PAYMENT_EXTENSION")).body("propose.extensionMonths", equalTo(3));
    }

    @Test
    void invalidRulesAreRefusedWithEveryFieldNamed() {
        int before = version();
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim"))
                .body(Map.of("rule", Map.of("id", "X", "priority", 5, "propose", Map.of("kind", "PAYMENT_EXTENSION", "extensionMonths", 40,
                        "churnReduction", 2))))
                .post("/playbook/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("id", "description", "propose.churnReduction", "propose.extensionMonths")));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim"))
                .body(Map.of("expectedVersion", before, "rule", Map.of("description", "no", "priority", 1, "propose", Map.of("kind", "CASHBACK"))))
                .put("/playbook/rules/involuntary-payment-extension").then().statusCode(400)
                .body("detail", containsString("CASHBACK"));
        given().contentType(ContentType.JSON).header(TestUsers.as("advisor.lee", "advisor")).body(Map.of("rule", rule("no-role", 10)))
                .post("/playbook/rules").then().statusCode(403).contentType("application/problem+json");
        given().get("/playbook").then().body("version", equalTo(before));
    }

    @Test
    void changesAreVersionedAuditedAndUsedByTheNextAlert() {
        int v = version();
        given().contentType(ContentType.JSON)
                .header(TestUsers.as("manager.kim")).body(Map.of("comment", "try goodwill", "expectedVersion", v, "rule", rule("test-level-goodwill", 25)))
                .post("/playbook/rules").then().statusCode(201).header("Location", containsString("/playbook/rules/test-level-goodwill"))
                .body("version", equalTo(v + 1)).body("changedBy", equalTo("manager.kim")).body("rules.id", hasItem("test-level-goodwill"));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.kim")).body(Map.of("rule", rule("test-level-goodwill", 25)))
                .post("/playbook/rules").then().statusCode(409);
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).body(Map.of("expectedVersion", v, "rule", rule("stale-edit", 25)))
                .post("/playbook/rules").then().statusCode(409).body("detail", containsString("at version " + (v + 1)));
        given().get("/playbook/versions").then().body("[0].version", equalTo(v + 1)).body("[0].action", equalTo("CREATE"))
                .body("[0].ruleId", equalTo("test-level-goodwill")).body("[0].changedBy", equalTo("manager.kim"))
                .body("[0].comment", equalTo("try goodwill")).body("[0].after.when.churnTypes", equalTo(List.of("VOLUNTARY")))
                .body("[0].changedAt", notNullValue());

        UUID customer = Customers.treatment();
        UUID loan = UUID.randomUUID();
        // unpaid fees of 40.00: a waiver of 25.00 can be applied; it keeps 0.5 x 0.3 x 372.76 = 55.91 for 25.00
        Events.delinquency(customer, loan, 5, "40.00");
        Events.loanOpened(customer, loan, "12000.00", "0.08", 12, LocalDate.now().minusMonths(2));
        org.awaitility.Awaitility.await().atMost(Events.WAIT).until(() -> given().get("/loans/" + loan).then().extract()
                .<Boolean>path("termsKnown") == Boolean.TRUE);
        Events.raise(customer, UUID.randomUUID(), loan, "VOLUNTARY", "TEST_ONLY", "0.5", "asked for a payoff quote once");
        String id = Events.awaitIntervention(customer, "FEE_WAIVER");
        given().get("/interventions/" + id).then().body("playbookRule", equalTo("test-level-goodwill"))
                .body("playbookVersion", equalTo(v + 1)).body("feeWaived", equalTo(25.0f)).body("estimatedCost", equalTo(25.0f));

        String etag = given().get("/playbook/rules/test-level-goodwill").then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).header("If-Match", etag)
                .body(Map.of("rule", rule("test-level-goodwill", 30)))
                .put("/playbook/rules/test-level-goodwill").then().statusCode(200).body("version", equalTo(v + 2))
                .header("ETag", equalTo("\"" + (v + 2) + "\""));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).header("If-Match", "\"" + (v + 2) + "\"")
                .body(Map.of("rule", rule("test-level-goodwill", 30)))
                .put("/playbook/rules/test-level-goodwill").then().statusCode(200).body("version", equalTo(v + 2));
        given().contentType(ContentType.JSON).header(TestUsers.as("manager.lin")).body(Map.of("expectedVersion", v + 2, "rule", rule("other-id", 30)))
                .put("/playbook/rules/test-level-goodwill").then().statusCode(400).body("errors.field", hasItem("id"));
        given().get("/playbook/versions/" + (v + 2)).then().body("action", equalTo("UPDATE")).body("changedBy", equalTo("manager.lin"))
                .body("before.propose.feeWaived", equalTo(25)).body("after.propose.feeWaived", equalTo(30))
                .body("rules.id", hasItem("test-level-goodwill"));

        given().header(TestUsers.as("advisor.lee", "advisor")).delete("/playbook/rules/test-level-goodwill").then().statusCode(403);
        given().header(TestUsers.as("manager.kim")).header("If-Match", "\"" + (v + 2) + "\"").queryParam("comment", "trial over")
                .delete("/playbook/rules/test-level-goodwill")
                .then().statusCode(200).body("version", equalTo(v + 3)).body("rules.id", not(hasItem("test-level-goodwill")));
        given().get("/playbook/rules/test-level-goodwill").then().statusCode(404);
        given().get("/playbook/versions/" + (v + 3)).then().body("action", equalTo("DELETE")).body("after", equalTo(null))
                .body("before.id", equalTo("test-level-goodwill")).body("rules.id", not(hasItem("test-level-goodwill")));
        given().get("/playbook/versions/99999").then().statusCode(404);
    }
}
