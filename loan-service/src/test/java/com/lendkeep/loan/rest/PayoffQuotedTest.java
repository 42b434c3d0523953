package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.WAIT;
import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.exact;
import static com.lendkeep.loan.TestSupport.money;
import static com.lendkeep.loan.TestSupport.openLoan;
import static com.lendkeep.loan.TestSupport.read;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 14 point 1 (loan side): a payoff quote is an event, once per loan, user and business date. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class PayoffQuotedTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static JsonPath quote(String loanId, String user, String on) {
        var request = given().header(TestUsers.as(user, "advisor"));
        if (on != null) {
            request = request.queryParam("on", on);
        }
        return exact(request.get("/loans/" + loanId + "/payoff").then().statusCode(200).extract().asString());
    }

    private static List<JsonNode> quoted(String loanId, int atLeast) {
        kafka.awaitAll("loan-events", r -> isQuote(r, loanId), atLeast, WAIT);
        return kafka.readAll("loan-events", Duration.ofSeconds(3)).stream().filter(r -> isQuote(r, loanId))
                .map(r -> read(r.value())).toList();
    }

    private static boolean isQuote(ConsumerRecord<String, String> r, String loanId) {
        return r.value().contains("\"PAYOFF_QUOTED\"") && r.value().contains(loanId);
    }

    @Test
    void aQuotePublishesWhoAskedForWhichLoanAndHowMuch() {
        UUID customer = TestSupport.knownCustomer();
        String id = openLoan(customer, "12000.00", "0.06", 12, "ANNUITY");
        JsonPath q = quote(id, "advisor.ada", null);

        JsonNode event = quoted(id, 1).get(0);
        assertEquals(customer.toString(), event.get("customerId").asText());
        assertEquals(id, event.at("/data/loanId").asText());
        assertEquals("advisor.ada", event.at("/data/requestedBy").asText(), "the token's user, not a body field");
        assertEquals(money(q.get("payoffAmount")), new java.math.BigDecimal(event.at("/data/payoffAmount").asText()));
        assertEquals(money(q.get("principal")), new java.math.BigDecimal(event.at("/data/outstandingPrincipal").asText()));
        assertEquals(q.getString("on"), event.at("/data/quoteDate").asText());
        assertEquals(businessDate().toString(), event.get("businessDate").asText());
    }

    @Test
    void theSameUserAskingAgainTheSameDayIsOneInquiryAnotherUserOrAnotherDayIsAnother() {
        String id = openLoan(TestSupport.knownCustomer(), "12000.00", "0.06", 12, "ANNUITY");
        LocalDate today = businessDate();
        quote(id, "advisor.ada", null);
        quote(id, "advisor.ada", null);
        quote(id, "advisor.ada", today.plusDays(10).toString());
        assertEquals(1, quoted(id, 1).size(), "a refresh is not a second inquiry");

        quote(id, "advisor.bea", null);
        assertEquals(2, quoted(id, 2).size(), "another user asking is another inquiry");

        advanceTo(today.plusDays(1));
        quote(id, "advisor.ada", null);
        assertEquals(3, quoted(id, 3).size(), "the same user on the next business date is another inquiry");
    }

    @Test
    void aRefusedQuotePublishesNothing() {
        String id = openLoan(TestSupport.knownCustomer(), "12000.00", "0.06", 12, "ANNUITY");
        given().header(TestUsers.as("advisor.cy", "advisor")).queryParam("on", "1999-01-01").get("/loans/" + id + "/payoff")
                .then().statusCode(400);
        quote(id, "advisor.cy", null);
        assertEquals(1, quoted(id, 1).size());
    }
}
