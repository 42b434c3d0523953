package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every kind of bad input gets a 4xx application/problem+json that names the field; never a 500. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class BadInputTest {

    private static String id;

    /** Once, in the first test: RestAssured knows the test port only while a test runs. */
    @BeforeEach
    void aCustomer() {
        if (id == null) {
            id = register(customer());
        }
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then().log().ifValidationFails()
                .statusCode(lessThan(500));
    }

    private static void fieldError(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    /** Issue 18: an income of 0.001 was echoed but stored as 0.00; amounts have cents, no finer. */
    @Test
    void amountsFinerThanACentAreRefusedNamingTheField() {
        Map<String, Object> income = customer();
        income.put("annualIncome", new java.math.BigDecimal("0.001"));
        fieldError(post("/customers", income), "annualIncome");
        Map<String, Object> collateral = customer();
        collateral.put("collateral", Map.of("type", "REAL_ESTATE", "appraisedValue", new java.math.BigDecimal("350000.005")));
        fieldError(post("/customers", collateral), "collateral.appraisedValue");
        Map<String, Object> cents = customer();
        cents.put("annualIncome", new java.math.BigDecimal("48000.25"));
        post("/customers", cents).statusCode(201).body("annualIncome", org.hamcrest.Matchers.equalTo(48000.25f));
    }

    @Test
    void missingFields() {
        for (String field : List.of("type", "fullName", "nationalId", "relationshipSince")) {
            Map<String, Object> body = customer();
            body.remove(field);
            fieldError(post("/customers", body), field);
        }
        fieldError(post("/customers/" + id + "/credit-scores", Map.of("bureau", "EXPERIAN", "score", 700)), "scoreDate");
        fieldError(post("/customers/" + id + "/contacts", Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE")), "contactDate");
        Map<String, Object> collateral = customer();
        collateral.put("collateral", Map.of("appraisedValue", 1000));
        fieldError(post("/customers", collateral), "collateral.type");
        fieldError(post("/customers/" + id + "/erasure", Map.of("requestReference", "DSR 1; drop")), "requestReference");
        given().contentType(ContentType.JSON).post("/customers").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongTypes() {
        Map<String, Object> income = customer();
        income.put("annualIncome", "lots");
        fieldError(post("/customers", income), "annualIncome");
        Map<String, Object> date = customer();
        date.put("relationshipSince", "yesterday");
        fieldError(post("/customers", date), "relationshipSince");
        Map<String, Object> nested = customer();
        nested.put("collateral", Map.of("type", "VEHICLE", "appraisedValue", "a lot"));
        fieldError(post("/customers", nested), "collateral.appraisedValue");
        Map<String, Object> shape = customer();
        shape.put("fullName", List.of("Ana", "Lopez"));
        fieldError(post("/customers", shape), "fullName");
        fieldError(post("/customers/" + id + "/credit-scores", Map.of("bureau", "EXPERIAN", "score", "high",
                "scoreDate", LocalDate.now().toString())), "score");
        given().contentType(ContentType.JSON).body("[1, 2]").post("/customers").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownEnums() {
        Map<String, Object> channel = customer();
        channel.put("preferredChannel", "PIGEON");
        post("/customers", channel).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("preferredChannel")).body("detail", containsString("EMAIL"));
        Map<String, Object> collateral = customer();
        collateral.put("collateral", Map.of("type", "TULIPS", "appraisedValue", 10));
        fieldError(post("/customers", collateral), "collateral.type");
        fieldError(post("/customers/" + id + "/contacts", Map.of("kind", "TELEPATHY", "topic", "GENERAL", "channel", "PHONE",
                "contactDate", LocalDate.now().toString())), "kind");
        given().contentType(ContentType.JSON).body(Map.of("doNotContact", false, "allowedChannels", List.of("EMAIL", "PIGEON")))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("allowedChannels[1]"));
    }

    @Test
    void negativeAndOutOfRangeNumbers() {
        Map<String, Object> income = customer();
        income.put("annualIncome", -1);
        fieldError(post("/customers", income), "annualIncome");
        Map<String, Object> collateral = customer();
        collateral.put("collateral", Map.of("type", "VEHICLE", "appraisedValue", -5));
        fieldError(post("/customers", collateral), "collateral.appraisedValue");
        fieldError(post("/customers/" + id + "/credit-scores", Map.of("bureau", "EXPERIAN", "score", 1200,
                "scoreDate", LocalDate.now().toString())), "score");
        fieldError(post("/customers/" + id + "/contacts", Map.of("kind", "SURVEY", "topic", "GENERAL", "channel", "APP",
                "satisfaction", 9, "contactDate", LocalDate.now().toString())), "satisfaction");
    }

    @Test
    void malformedJson() {
        for (String path : List.of("/customers", "/customers/" + id + "/contacts", "/customers/" + id + "/credit-scores",
                "/customers/" + id + "/erasure")) {
            given().contentType(ContentType.JSON).body("{\"type\": \"SME\", \"fullName\": ").post(path)
                    .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("malformed JSON"));
        }
        given().contentType(ContentType.JSON).body("{\"doNotContact\": tru").put("/customers/" + id + "/contact-preferences")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedAndMalformedStrings() {
        for (var field : Map.of("fullName", 201, "nationalId", 65, "externalRef", 65, "postalAddress", 301, "relationshipManager", 65,
                "industry", 65).entrySet()) {
            Map<String, Object> body = customer();
            body.put(field.getKey(), "A".repeat(field.getValue()));
            fieldError(post("/customers", body), field.getKey());
        }
        Map<String, Object> email = customer();
        email.put("email", "not-an-email");
        fieldError(post("/customers", email), "email");
        Map<String, Object> phone = customer();
        phone.put("phone", "call me maybe");
        fieldError(post("/customers", phone), "phone");
        Map<String, Object> future = customer();
        future.put("relationshipSince", com.lendkeep.customer.TestSupport.today().plusDays(2).toString());
        fieldError(post("/customers", future), "relationshipSince");
        fieldError(post("/customers/" + id + "/contacts", Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE",
                "outcome", "x".repeat(501), "contactDate", LocalDate.now().toString())), "outcome");
    }

    /** Reproduction (issue 17): an advisor logged a contact as "cfo.spoofed"; the actor is the token's, a body user is refused. */
    @Test
    void aUserInTheBodyIsRefused() {
        fieldError(post("/customers/" + id + "/contacts", Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE",
                "loggedBy", "cfo.spoofed", "contactDate", LocalDate.now().toString())), "loggedBy");
        given().get("/customers/" + id + "/contacts").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void duplicateNationalIdAndExternalRef() {
        Map<String, Object> first = customer();
        first.put("externalRef", com.lendkeep.customer.TestSupport.unique("CB-"));
        register(first);
        Map<String, Object> sameId = customer();
        sameId.put("nationalId", ((String) first.get("nationalId")).toLowerCase());
        post("/customers", sameId).statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("nationalId"));
        Map<String, Object> sameRef = customer();
        sameRef.put("externalRef", first.get("externalRef"));
        post("/customers", sameRef).statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("externalRef"));
    }

    @Test
    void quietPeriodMustNotEndBeforeItStarts() {
        given().contentType(ContentType.JSON).body(Map.of("doNotContact", false, "allowedChannels", List.of("EMAIL"),
                "quietPeriods", List.of(Map.of("from", "2027-01-01", "to", "2027-01-31"), Map.of("from", "2027-03-10", "to", "2027-03-01"))))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("quietPeriods[1].to")).body("detail", containsString("must not be before from"));
        given().contentType(ContentType.JSON).body(Map.of("allowedChannels", List.of("EMAIL")))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("doNotContact"));
        given().contentType(ContentType.JSON).body(Map.of("doNotContact", false, "allowedChannels", List.of("EMAIL"),
                "quietPeriods", List.of(Map.of("from", "2027-01-01"))))
                .put("/customers/" + id + "/contact-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("quietPeriods[0].to"));
    }

    @Test
    void wrongMediaTypeAndUnknownCustomer() {
        given().contentType(ContentType.TEXT).body("hello").post("/customers").then().statusCode(415)
                .contentType("application/problem+json");
        given().get("/customers/00000000-0000-4000-8000-000000000000/overview").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/customers/00000000-0000-4000-8000-000000000000/contact-preferences").then().statusCode(404)
                .contentType("application/problem+json");
        post("/customers/00000000-0000-4000-8000-000000000000/erasure", Map.of("requestReference", "DSR-1")).statusCode(404)
                .contentType("application/problem+json");
    }
}
