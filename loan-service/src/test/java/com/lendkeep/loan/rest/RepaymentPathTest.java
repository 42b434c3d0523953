package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.loanBody;
import static com.lendkeep.loan.TestSupport.money;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.platform.idempotency.IdempotencyInterceptor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The repayment path as the benchmark drives it: many repayments of one loan at once, the value-date
 * floor read in one statement, and request bodies read on the event loop or as a stream.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class RepaymentPathTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void concurrentRepaymentsOfOneLoanEachSeeTheOthers() throws Exception {
        // started 15 days ago: 12,000 x 0.06 / 360 x 15 = 30.00 of interest earned, more than the 12 payments of 1.00
        String id = openLoan(loanBody(UUID.randomUUID(), "12000.00", "0.06", 12, businessDate().minusDays(15), "ANNUITY"));
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "concurrent-" + UUID.randomUUID();
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).header(IdempotencyInterceptor.HEADER, key)
                        .body(Map.of("amount", "1.00")).post("/loans/" + id + "/repayments").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(), "every repayment waits for the loan's lock and then sees the others' effect");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath after = loan(id);
        assertEquals(new BigDecimal("12.00"), money(after.get("schedule[0].interestPaid")), "12 x 1.00 went to the first interest");
        List<Object> toInterest = given().get("/loans/" + id + "/repayments").then().statusCode(200).extract().path("toInterest");
        assertEquals(n, toInterest.size());
        assertEquals(new BigDecimal("12.00"), toInterest.stream().map(v -> money(v)).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aPaymentCannotBeDatedBeforeTheScheduleWasModified() {
        LocalDate today = businessDate();
        String id = openLoan(loanBody(UUID.randomUUID(), "6000.00", "0.06", 12, today.minusDays(10), "ANNUITY"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "5.00", "paidOn", today.minusDays(8).toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(201);
        String request = given().contentType(ContentType.JSON).header(TestUsers.as("maker.ann"))
                .body(Map.of("kind", "RATE_CHANGE", "newAnnualRate", "0.04")).post("/loans/" + id + "/modification-requests")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header(TestUsers.as("checker.bob")).post("/modification-requests/" + request + "/approve")
                .then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("amount", "1.00", "paidOn", today.minusDays(5).toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("before the loan's schedule was modified, on " + today));
        given().contentType(ContentType.JSON).body(Map.of("amount", "1.00", "paidOn", today.minusDays(9).toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(400)
                .body("detail", containsString("latest repayment, dated " + today.minusDays(8)));
        given().contentType(ContentType.JSON).body(Map.of("amount", "1.00", "paidOn", today.toString()))
                .post("/loans/" + id + "/repayments").then().statusCode(201);
        given().get("/loans/" + id + "/repayments").then().body("size()", equalTo(2));
    }

    @Test
    void aBodyIsReadWithALengthWithoutOneAndAboveThePreReadLimitOverHttp1AndHttp2() throws Exception {
        // 30.00 of interest earned (15 days), so each 1.00 goes to interest
        String id = openLoan(loanBody(UUID.randomUUID(), "12000.00", "0.06", 12, businessDate().minusDays(15), "ANNUITY"));
        String small = "{\"amount\": 1.00}";
        String large = "{\"amount\": 1.00" + " ".repeat((int) SmallBodyPreRead.MAX_BYTES) + "}";
        int sent = 0;
        for (HttpClient.Version version : HttpClient.Version.values()) { // HTTP/2: cleartext upgrade, the body read as a stream
            HttpClient http = HttpClient.newBuilder().version(version).build();
            List<HttpRequest.BodyPublisher> bodies = List.of(
                    HttpRequest.BodyPublishers.ofString(small), // Content-Length: read on the event loop (HTTP/1.1)
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8))), // chunked
                    HttpRequest.BodyPublishers.ofString(large)); // over the limit: read as a stream by the worker
            for (HttpRequest.BodyPublisher body : bodies) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(root.resolve("loans/" + id + "/repayments"))
                        .header("Authorization", TestUsers.as(TestUsers.DEFAULT_USER).getValue()).header("Content-Type", "application/json")
                        .header(IdempotencyInterceptor.HEADER, "body-" + UUID.randomUUID()).POST(body).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, answer.statusCode(), version + ": " + answer.body());
                sent++;
            }
        }
        assertEquals(new BigDecimal(sent + ".00"), money(loan(id).get("schedule[0].interestPaid")));
    }
}
