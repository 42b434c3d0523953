package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static com.lendkeep.customer.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 18: "a retried customer registration gets 409 without the customer's id and there is no way
 * to look it up by external reference". A registration whose answer was lost and that is retried
 * without an Idempotency-Key must learn which customer the first one made, and a core banking system
 * must be able to find its customer by its own number.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class NaturalKeyTest {

    private static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/customers");
    }

    @Test
    void aRetriedRegistrationIsAnsweredWithTheCustomerItMade() {
        Map<String, Object> body = customer();
        body.put("externalRef", unique("CB-"));
        String id = register(body);
        // the same registration again (its first answer lost): both keys are taken, by the same customer
        post(body).then().statusCode(409).contentType("application/problem+json").body("existingId", equalTo(id))
                .header("Location", endsWith("/customers/" + id)).body("errors.field", hasItem("nationalId"));
        // the Location leads to the customer
        String location = post(body).then().extract().header("Location");
        given().get(location).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void eachNaturalKeyNamesItsHolder() {
        Map<String, Object> first = customer();
        first.put("externalRef", unique("CB-"));
        String id = register(first);
        Map<String, Object> sameNationalId = customer();
        sameNationalId.put("nationalId", ((String) first.get("nationalId")).toLowerCase()); // stored upper case
        post(sameNationalId).then().statusCode(409).body("existingId", equalTo(id)).body("errors.field", hasItem("nationalId"))
                .header("Location", endsWith("/customers/" + id));
        Map<String, Object> sameRef = customer();
        sameRef.put("externalRef", first.get("externalRef"));
        post(sameRef).then().statusCode(409).body("existingId", equalTo(id)).body("errors.field", hasItem("externalRef"))
                .header("Location", endsWith("/customers/" + id));
        // a profile update onto another customer's key names that customer too
        Map<String, Object> other = customer();
        String otherId = register(other);
        Map<String, Object> update = new HashMap<>(other);
        update.put("externalRef", first.get("externalRef"));
        given().contentType(ContentType.JSON).header("If-Match", "*").body(update).put("/customers/" + otherId)
                .then().statusCode(409).body("existingId", equalTo(id)).body("errors.field", hasItem("externalRef"));
    }

    /** Racing registrations meet the unique index, not the check before it: the losers still learn the winner's id. */
    @Test
    void concurrentRegistrationsOfOneCustomerAllLearnItsId() throws Exception {
        Map<String, Object> body = customer();
        body.put("externalRef", unique("CB-"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> post(body));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            List<Response> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
            assertEquals(1, created.size(), "one registration wins");
            String id = created.get(0).path("id");
            for (Response r : answers) {
                if (r.statusCode() != 201) {
                    r.then().statusCode(409).contentType("application/problem+json").body("existingId", equalTo(id));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCustomerIsFoundByExternalRefWithoutItsNationalId() {
        Map<String, Object> body = customer();
        String ref = unique("CB-");
        body.put("externalRef", ref);
        String id = register(body);
        register(customer());
        String answer = given().header(TestUsers.as("advisor.lee", "advisor")).queryParam("externalRef", ref).get("/customers")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].externalRef", equalTo(ref)).body("total", equalTo(1)).extract().asString();
        assertFalse(answer.contains((String) body.get("nationalId")), "a list never shows a national id: " + answer);
        given().queryParam("externalRef", unique("CB-")).get("/customers").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().queryParam("externalRef", "x".repeat(65)).get("/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("externalRef"));
    }
}
