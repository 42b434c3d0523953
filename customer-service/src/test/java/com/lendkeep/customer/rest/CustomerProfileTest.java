package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.event;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CustomerProfileTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void profileHasContactChannelsIndustryCollateralAndDerivedValuesWithReasons() {
        Map<String, Object> body = customer();
        body.put("type", "SME");
        body.put("fullName", "Lopez Energia SL");
        body.put("phone", "+34 600 111 222");
        body.put("postalAddress", "Calle Mayor 1, Madrid");
        body.put("preferredChannel", "EMAIL");
        body.put("industry", "real estate");
        body.put("annualIncome", 2500000);
        body.put("collateral", Map.of("type", "REAL_ESTATE", "appraisedValue", 350000, "appraisedOn", "2025-06-30"));
        body.put("relationshipManager", "rm.garcia");
        body.put("relationshipSince", LocalDate.now().minusYears(6).toString());
        String id = register(body);

        given().get("/customers/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("version", equalTo(0))
                .body("industry", equalTo("REAL_ESTATE"))
                .body("industryVolatility", equalTo("VOLATILE"))
                .body("preferredChannel", equalTo("EMAIL"))
                .body("postalAddress", equalTo("Calle Mayor 1, Madrid"))
                .body("collateral.type", equalTo("REAL_ESTATE"))
                .body("collateral.appraisedValue", equalTo(350000.0f))
                .body("relationshipManager", equalTo("rm.garcia"))
                .body("erased", equalTo(false))
                .body("tier.value", equalTo("STANDARD"))
                .body("tier.rule", containsString("STANDARD: no SILVER threshold met"))
                .body("tier.inputs.exposure", equalTo(0.0f))
                .body("grade.value", equalTo("C"))
                .body("grade.reasons", hasItem("no credit score on file gives C"))
                .body("grade.reasons", hasItem("industry REAL_ESTATE is VOLATILE: one grade down"))
                .body("grade.inputs.industryVolatility", equalTo("VOLATILE"))
                .body("relationshipDepth.value", equalTo("MODERATE"))
                .body("relationshipDepth.points", equalTo(2))
                .body("relationshipDepth.reasons", hasItem("tenure 6 years >= 5: +2"))
                .body("lifecycleStage.value", equalTo("INITIAL"))
                .body("lifecycleStage.rule", equalTo("INITIAL: no loan yet"))
                .body("assessedAsOf", equalTo(com.lendkeep.customer.TestSupport.today().toString()));
    }

    @Test
    void updateNeedsTheCurrentVersionAndRecomputesInTheSameTransaction() {
        Map<String, Object> body = customer();
        body.put("industry", "HEALTHCARE");
        String id = register(body);
        given().contentType(ContentType.JSON).body(Map.of("bureau", "EXPERIAN", "score", 760, "scoreDate", LocalDate.now().toString()))
                .post("/customers/" + id + "/credit-scores").then().statusCode(201);
        given().get("/customers/" + id).then().body("grade.value", equalTo("A")).header("ETag", "\"0\"");

        // no precondition: 428
        body.put("industry", "ENERGY");
        given().contentType(ContentType.JSON).body(body).put("/customers/" + id)
                .then().statusCode(428).contentType("application/problem+json").body("errors.field", hasItem("If-Match"));
        // stale If-Match: 412, stale body version: 409
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body).put("/customers/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("current version 0"));
        body.put("version", 3);
        given().contentType(ContentType.JSON).body(body).put("/customers/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("version"));
        given().contentType(ContentType.JSON).header("If-Match", "not-a-tag").body(body).put("/customers/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("If-Match"));

        // the version read: the volatile industry takes the grade down one step, in the same request
        body.remove("version");
        body.put("fullName", "Ana Lopez Garcia");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/customers/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("fullName", equalTo("Ana Lopez Garcia")).body("version", equalTo(1))
                .body("grade.value", equalTo("B"))
                .body("grade.rule", equalTo("B: score 760 >= 720 gives A; industry ENERGY is VOLATILE: one grade down"));
        // the body's version works too; the same PUT twice with version 1 is a conflict the second time
        body.put("version", 1);
        body.put("industry", "HEALTHCARE");
        given().contentType(ContentType.JSON).body(body).put("/customers/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("grade.value", equalTo("A"));
        given().contentType(ContentType.JSON).body(body).put("/customers/" + id).then().statusCode(409);

        var grades = kafka.awaitAll("customer-events", event(id, "GRADE_CHANGED"), 4, Duration.ofSeconds(20));
        JsonNode down = TestSupport.assertEnvelope(grades.get(2), "GRADE_CHANGED", id);
        assertEquals("A", down.get("previousGrade").asText());
        assertEquals("B", down.get("newGrade").asText());
        assertEquals("B: score 760 >= 720 gives A; industry ENERGY is VOLATILE: one grade down", down.get("reason").asText());
        JsonNode up = TestSupport.assertEnvelope(grades.get(3), "GRADE_CHANGED", id);
        assertEquals("B", up.get("previousGrade").asText());
        assertEquals("A", up.get("newGrade").asText());

        // nothing about the profile itself is published: no name, national id or e-mail in any event of this customer
        for (String topic : new String[] { "customer-events", "credit-score-events", "contact-events" }) {
            kafka.readAll(topic, Duration.ofSeconds(10)).stream().filter(r -> id.equals(r.key())).forEach(r -> {
                assertFalse(r.value().contains("Lopez"), r.value());
                assertFalse(r.value().contains((String) body.get("nationalId")), r.value());
                assertFalse(r.value().contains("ana@example.com"), r.value());
            });
        }
    }

    @Test
    void updateKeepsIdentityUniqueAndAnswers404ForUnknown() {
        Map<String, Object> first = customer();
        register(first);
        Map<String, Object> second = customer();
        String id = register(second);
        second.put("nationalId", ((String) first.get("nationalId")).toLowerCase());
        given().contentType(ContentType.JSON).header("If-Match", "*").body(second).put("/customers/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("nationalId"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(second)
                .put("/customers/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        // If-Match: * overwrites whatever version; a blank optional field clears it
        second.put("nationalId", TestSupport.nationalId());
        second.put("email", "");
        given().contentType(ContentType.JSON).header("If-Match", "*").body(second).put("/customers/" + id)
                .then().statusCode(200).body("email", nullValue());
    }
}
