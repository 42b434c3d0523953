package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 16 point 3: a modification is applied once, however often it is asked or approved. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ModificationOnceTest {

    private static final Map<String, Object> EXTEND_BY_ONE = Map.of("kind", "TERM_EXTENSION", "extensionMonths", 1);

    private static io.restassured.response.Response ask(String loanId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(TestUsers.as("maker.ann")).body(body)
                .post("/loans/" + loanId + "/modification-requests");
    }

    private static io.restassured.response.Response approve(String requestId, String checker) {
        return given().contentType(ContentType.JSON).header(TestUsers.as(checker)).post("/modification-requests/" + requestId + "/approve");
    }

    /** The reproduction: two identical term extensions, each approved, extended 36 -> 38 months. */
    @Test
    void anIdenticalPendingRequestIsRefusedNamingTheOneWaiting() {
        String id = openLoan(TestSupport.knownCustomer(), "36000.00", "0.06", 36, "ANNUITY");
        String first = ask(id, EXTEND_BY_ONE).then().statusCode(201).extract().path("id");
        ask(id, EXTEND_BY_ONE).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first)).body("detail", containsString("PENDING"));
        // another kind is another question
        ask(id, Map.of("kind", "FEE_WAIVER", "feeWaived", "10.00")).then().statusCode(201);

        approve(first, "checker.bob").then().statusCode(200);
        assertEquals(37, loan(id).getInt("currentTermMonths"));
        given().get("/loans/" + id + "/modifications").then().body("size()", equalTo(1));
        given().get("/loans/" + id + "/modification-requests").then().body("findAll { it.kind == 'TERM_EXTENSION' }.size()", equalTo(1));

        // decided: the same kind may be asked again, and applies again when approved
        String second = ask(id, EXTEND_BY_ONE).then().statusCode(201).extract().path("id");
        approve(second, "checker.bob").then().statusCode(200);
        assertEquals(38, loan(id).getInt("currentTermMonths"));
    }

    @Test
    void approvingTwiceAppliesOnce() {
        String id = openLoan(TestSupport.knownCustomer(), "36000.00", "0.06", 36, "ANNUITY");
        String request = ask(id, EXTEND_BY_ONE).then().statusCode(201).extract().path("id");
        approve(request, "checker.bob").then().statusCode(200);
        approve(request, "checker.bob").then().statusCode(409).body("detail", containsString("already APPROVED"));
        approve(request, "checker.cy").then().statusCode(409);
        assertEquals(37, loan(id).getInt("currentTermMonths"));
        given().get("/loans/" + id + "/modifications").then().body("size()", equalTo(1));
    }

    @Test
    void twoCheckersApprovingAtTheSameMomentApplyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = openLoan(TestSupport.knownCustomer(), "36000.00", "0.06", 36, "ANNUITY");
            String request = ask(id, EXTEND_BY_ONE).then().statusCode(201).extract().path("id");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (String checker : List.of("checker.bob", "checker.cy")) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return approve(request, checker).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> a : answers) {
                statuses.add(a.get(30, TimeUnit.SECONDS));
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses, "one approval applies, the other is told it is already approved");
            assertEquals(37, loan(id).getInt("currentTermMonths"));
            given().get("/loans/" + id + "/modifications").then().body("size()", equalTo(1));
            given().get("/loans/" + id + "/schedule-versions").then().body("size()", equalTo(2));
        }
    }

    @Test
    void twoMakersAskingAtTheSameMomentLeaveOnePendingRequest() throws Exception {
        String id = openLoan(TestSupport.knownCustomer(), "36000.00", "0.06", 36, "ANNUITY");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ask(id, EXTEND_BY_ONE).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> a : answers) {
            statuses.add(a.get(30, TimeUnit.SECONDS));
        }
        statuses.sort(Integer::compare);
        assertEquals(List.of(201, 409), statuses);
    }
}
