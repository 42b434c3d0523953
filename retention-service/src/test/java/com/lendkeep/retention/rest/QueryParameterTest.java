package com.lendkeep.retention.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.retention.support.RetentionTestProfile;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A query parameter that does not convert to what the operation takes (an id, a number, one of a
 * list) is a 400 naming it (the platform's QueryParameterCheck), not the 404 JAX-RS answers.
 */
@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@QuarkusTestResource(RealInfraTestResource.class)
class QueryParameterTest {

    @Test
    void aMalformedQueryParameterIsA400NamingIt() {
        given().queryParam("customerId", "abc").get("/interventions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customerId")).body("detail", containsString("must be a UUID"));
        given().queryParam("status", "LOST").get("/tasks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status")).body("detail", containsString("must be one of"));
        given().queryParam("kind", "CASHBACK").get("/interventions").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().queryParam("customerId", "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01").get("/interventions").then().statusCode(200);
    }
}
