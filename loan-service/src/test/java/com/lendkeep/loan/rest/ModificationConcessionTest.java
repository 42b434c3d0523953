package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.loanBody;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;
import com.lendkeep.loan.TestSupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 16, point 2 over HTTP: the payoff before and after a modification on the same day, and the concession recorded and sent. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ModificationConcessionTest {

    private static final ObjectMapper EXACT = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static BigDecimal payoff(String id) {
        return new BigDecimal(given().get("/loans/" + id + "/payoff").then().statusCode(200).extract().path("payoffAmount").toString())
                .setScale(2);
    }

    private static void modify(String id, Map<String, Object> body) {
        String request = given().contentType(ContentType.JSON).header(TestUsers.as("maker.ann")).body(body)
                .post("/loans/" + id + "/modification-requests").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header(TestUsers.as("checker.bob")).post("/modification-requests/" + request + "/approve")
                .then().statusCode(200);
    }

    @Test
    void aPaymentExtensionInArrearsKeepsThePayoffAndAFeeWaiverIsItsConcession() throws Exception {
        LocalDate today = businessDate();
        Map<String, Object> body = loanBody(UUID.randomUUID(), "300000.00", "0.09", 36, today.minusMonths(3).minusDays(10), "ANNUITY");
        body.put("lateFee", "25.00");
        String id = openLoan(body);
        advanceTo(today.plusDays(1)); // installments 1-3 missed: overdue, 25.00 fee each
        BigDecimal before = payoff(id);
        modify(id, Map.of("kind", "PAYMENT_EXTENSION", "extensionMonths", 3));
        // before the fix the overdue installments' interest left the payoff with their due dates
        assertEquals(before, payoff(id), "the arrears interest is deferred, still owed");
        given().get("/loans/" + id + "/modifications").then().body("[0].concession", equalTo(0.00f));

        modify(id, Map.of("kind", "FEE_WAIVER", "feeWaived", "50.00"));
        assertEquals(before.subtract(new BigDecimal("50.00")), payoff(id));
        given().get("/loans/" + id + "/modifications").then().body("[1].kind", equalTo("FEE_WAIVER")).body("[1].concession", equalTo(50.00f));
        Predicate<ConsumerRecord<String, String>> waiver = r -> r.value().contains("LOAN_MODIFIED") && r.value().contains(id)
                && r.value().contains("FEE_WAIVER");
        JsonNode event = EXACT.readTree(kafka.awaitAll("loan-events", waiver, 1, TestSupport.WAIT).get(0).value()).get("data");
        assertEquals("50.00", event.get("concession").asText());
        assertEquals("25.00", event.get("feesOutstanding").asText());
        assertTrue(event.get("description").asText().contains("fees waived: 50.00"));
    }
}
