package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Idempotency-Key on customer-service's POSTs (the platform's one implementation). The issue's
 * reproduction: 20 identical contact posts with one key made 20 contacts, and contacts feed the
 * churn scores; a retried registration got 409 without the customer's id.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class IdempotencyKeyTest {

    @Test
    void twentyRetriesOfAContactWithOneKeyLogOneContact() {
        String id = register(customer());
        Map<String, Object> contact = Map.of("kind", "CALL", "topic", "HARDSHIP", "channel", "PHONE", "outcome", "asked for a pause",
                "contactDate", today().toString());
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(contact).post("/customers/" + id + "/contacts");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        for (int i = 0; i < 19; i++) {
            Response again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(contact)
                    .post("/customers/" + id + "/contacts");
            again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).header("Location", first.header("Location"));
            assertEquals(first.asString(), again.asString(), "the first answer, byte for byte");
        }
        given().get("/customers/" + id + "/contacts").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aRetriedRegistrationGetsTheCustomerItCreated() {
        Map<String, Object> body = customer();
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/customers");
        first.then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/customers").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheKey() {
        String id = register(customer());
        String key = UUID.randomUUID().toString();
        Map<String, Object> score = Map.of("score", 640, "bureau", "EXPERIAN", "scoreDate", today().toString());
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(score).post("/customers/" + id + "/credit-scores")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("score", 641, "bureau", "EXPERIAN",
                "scoreDate", today().toString())).post("/customers/" + id + "/credit-scores")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString(key));
        given().get("/customers/" + id + "/credit-scores").then().body("size()", equalTo(1));
    }
}
