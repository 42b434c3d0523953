package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.LoanBookConsistency;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.TestUsers;

import io.restassured.http.ContentType;

/**
 * customer-service's 360 agrees with the loan book once the events are consumed (issue 17, point 2):
 * a story through the packaged loan-service (missed installments at close of business, a partial
 * repayment, an approved rate change, days past due growing after the last bucket move), then
 * {@link LoanBookConsistency} compares the story's customers and a sample of the others.
 */
class LoanBookConsistencyTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static ServiceProcesses services;

    @BeforeAll
    static void start() throws Exception {
        services = E2eStack.services();
    }

    @Test
    void theOverviewEqualsTheLoanBook() {
        String customers = services.url("customer-service");
        String loans = services.url("loan-service");
        LocalDate start = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().<String>path("date"));

        Set<String> story = new LinkedHashSet<>();
        List<String> loanIds = new ArrayList<>();
        for (String rate : List.of("0.05", "0.09")) {
            String customer = given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Consistency Check",
                    "nationalId", "CONS" + System.nanoTime(), "relationshipSince", "2019-04-01", "annualIncome", 50000))
                    .post(customers + "/customers").then().statusCode(201).extract().path("id");
            story.add(customer);
            loanIds.add(E2eStack.bookLoan(loans, Map.of("customerId", customer, "principal", "24000.00",
                    "annualRate", rate, "termMonths", 24, "startDate", start.toString(), "method", "ANNUITY"))
                    .then().statusCode(201).extract().path("id"));
        }
        // two installments missed: close of business ten days after the second due date
        advance(loans, start.plusMonths(2).plusDays(10));
        // the first customer pays the oldest installment and a little more; the second gets a lower rate
        String first = loanIds.get(0);
        String installment = given().get(loans + "/loans/" + first).then().extract().path("schedule[0].total").toString();
        given().contentType(ContentType.JSON).body(Map.of("amount", new java.math.BigDecimal(installment).add(new java.math.BigDecimal("100.00"))))
                .post(loans + "/loans/" + first + "/repayments").then().statusCode(201);
        String request = given().header(TestUsers.as("advisor.consistency", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "RATE_CHANGE", "newAnnualRate", "0.045", "note", "retention"))
                .post(loans + "/loans/" + loanIds.get(1) + "/modification-requests").then().statusCode(201).extract().path("id");
        given().header(TestUsers.as("manager.consistency", "retention-manager")).contentType(ContentType.JSON)
                .post(loans + "/modification-requests/" + request + "/approve").then().statusCode(200);
        // five more days: days past due grow without a bucket move
        advance(loans, start.plusMonths(2).plusDays(15));

        LoanBookConsistency check = new LoanBookConsistency(customers, loans, TestUsers.as("consistency.check", "retention-manager").getValue());
        Set<String> sample = new LinkedHashSet<>(story);
        sample.addAll(check.sample(20));
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last.set(0, check.differences(sample));
                return last.get(0).isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // reported below with every difference
        }
        System.out.printf("consistency check: %d customers compared, %d differences%n", sample.size(), last.get(0).size());
        assertEquals(List.of(), last.get(0), "customer-service's 360 differs from the loan book");
    }

    private static void advance(String loans, LocalDate date) {
        LocalDate now = LocalDate.parse(given().get(loans + "/business-date").then().extract().<String>path("date"));
        if (date.isAfter(now)) {
            given().header(TestUsers.as("operator.consistency", "admin")).contentType(ContentType.JSON).body(Map.of("date", date.toString()))
                    .post(loans + "/business-date").then().statusCode(200);
        }
    }
}
