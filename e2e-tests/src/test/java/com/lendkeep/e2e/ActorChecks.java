package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.TestUsers;

import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What the probes of {@link RecordedActorTest} share: writes performed as users of their own, and
 * the check that what a service recorded is that token's user.
 */
abstract class ActorChecks {

    protected final ServiceProcesses services;

    ActorChecks(ServiceProcesses services) {
        this.services = services;
    }

    /** A 6,000 loan starting {@code on}; its booking records no actor (NO_ACTOR). */
    String bookLoan(String customer, LocalDate on) {
        return E2eStack.bookLoan(services.url("loan-service"), Map.of("customerId", customer, "principal", "6000.00",
                "annualRate", "0.08", "termMonths", 12, "startDate", on.toString(), "method", "ANNUITY"))
                .then().statusCode(201).extract().path("id");
    }

    String registerCustomer() {
        return given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Actor Test",
                "nationalId", "ACT" + System.nanoTime(), "relationshipSince", "2019-04-01", "annualIncome", 40000))
                .post(services.url("customer-service") + "/customers").then().statusCode(201).extract().path("id");
    }

    static Header as(String user, String role) {
        return TestUsers.as(user, role);
    }

    static void expect(List<String> failures, String what, ExtractableResponse<Response> answer, int status, String field,
            String user) {
        if (answer.statusCode() != status) {
            failures.add(what + ": " + answer.statusCode() + " (expected " + status + "): " + answer.asString());
            return;
        }
        same(failures, what + " " + field, user, answer.path(field));
    }

    static void same(List<String> failures, String what, String expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            failures.add(what + ": recorded " + actual + ", the token's user is " + expected);
        }
    }
}
