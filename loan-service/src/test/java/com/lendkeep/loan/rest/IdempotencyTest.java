package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.loanBody;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Idempotency-Key on POST: replay, concurrent use, a key reused for another request. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class IdempotencyTest {

    @Test
    void aRepeatedCompletedRequestGetsTheStoredAnswerAndBooksNothingTwice() {
        UUID customer = UUID.randomUUID();
        Map<String, Object> body = loanBody(customer, "7000.00", "0.05", 7, businessDate(), "ANNUITY");
        String key = UUID.randomUUID().toString();
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/loans");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/loans");
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", first.header("Location")).contentType(ContentType.JSON);
        assertEquals(first.asString(), again.asString(), "the same body, byte for byte");
        given().queryParam("customerId", customer.toString()).get("/loans").then().body("size()", equalTo(1));

        // the same key by another caller is another key
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).header(TestUsers.as("someone.else")).body(body).post("/loans")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aMethodAnsweringItsBodyIsReplayedToo() throws Exception {
        // a reversal answers its RepaymentResponse, not a Response: with a key it used to fail with 500
        String id = openLoan(UUID.randomUUID(), "1000.00", "0.05", 2, "ANNUITY");
        String repayment = given().contentType(ContentType.JSON).body(Map.of("amount", "100.00")).post("/loans/" + id + "/repayments")
                .then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        String path = "/loans/" + id + "/repayments/" + repayment + "/reversal";
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("reason", "returned")).post(path)
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().asString();
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("reason", "returned")).post(path)
                .then().statusCode(200).header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertEquals(TestSupport.JSON.readTree(first), TestSupport.JSON.readTree(again), "the first answer again");
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        Map<String, Object> body = loanBody(UUID.randomUUID(), "7000.00", "0.05", 7, businessDate(), "ANNUITY");
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/loans").then().statusCode(201);
        body.put("principal", "7000.01");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/loans")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("different request"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("date", businessDate().toString()))
                .post("/business-date").then().statusCode(422);
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsKeyCanBeRetried() {
        String id = openLoan(UUID.randomUUID(), "1000.00", "0.05", 2, "ANNUITY");
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("amount", "100.00", "paidOn", "2999-01-01"))
                .post("/loans/" + id + "/repayments").then().statusCode(400);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("amount", "100.00"))
                .post("/loans/" + id + "/repayments").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "").body(Map.of("amount", "1.00"))
                .post("/loans/" + id + "/repayments").then().statusCode(400).body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void theSameKeyWhileTheFirstRequestStillRunsGets409() throws Exception {
        String id = openLoan(UUID.randomUUID(), "3000.00", "0.05", 3, "ANNUITY");
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("amount", "150.00");
        CompletableFuture<Response> first;
        try (Connection db = TestSupport.database()) {
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM loan WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery();
            }
            // the first request claims the key, then waits for the loan row this transaction holds
            first = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(body).post("/loans/" + id + "/repayments"));
            awaitClaimed(key);
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/loans/" + id + "/repayments")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("still in progress"));
            assertFalse(first.isDone());
            db.rollback();
        }
        Response done = first.get(30, TimeUnit.SECONDS);
        done.then().statusCode(201);
        Response replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/loans/" + id + "/repayments");
        replay.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(done.asString(), replay.asString());
        given().get("/loans/" + id + "/repayments").then().body("size()", equalTo(1));
    }

    private static void awaitClaimed(String key) throws Exception {
        try (Connection db = TestSupport.database()) {
            db.setAutoCommit(true);
            org.awaitility.Awaitility.await("the first request claims its key").atMost(java.time.Duration.ofSeconds(20))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> status(db, key) != null);
            assertEquals("IN_PROGRESS", status(db, key));
        }
    }

    private static String status(Connection db, String key) throws Exception {
        try (PreparedStatement st = db.prepareStatement("SELECT status FROM idempotency_key WHERE idem_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

}
