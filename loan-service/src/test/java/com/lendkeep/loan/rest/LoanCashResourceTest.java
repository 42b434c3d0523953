package com.lendkeep.loan.rest;

import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.businessDate;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.loanBody;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import com.lendkeep.loan.TestSupport;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.infra.TestUsers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Issue 16, points 3 and 4: overpayments kept as credit and refunded, bounced repayments reversed, recoveries after charge-off. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class LoanCashResourceTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** Amounts exactly as sent (Jackson's default tree strips trailing zeros: 12000.00 would read as 12000). */
    private static final ObjectMapper EXACT = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static JsonNode data(String topic, String type, String loanId) throws Exception {
        Predicate<ConsumerRecord<String, String>> match = r -> r.value().contains("\"" + type + "\"") && r.value().contains(loanId);
        return EXACT.readTree(kafka.awaitAll(topic, match, 1, TestSupport.WAIT).get(0).value()).get("data");
    }

    private static JsonPath post(String path, Map<String, Object> body, int status) {
        return JsonPath.from(given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(status).extract().asString());
    }

    @Test
    void anOverpaymentIsKeptAsCreditAndRefundedNeverRefused() {
        String id = openLoan(UUID.randomUUID(), "1000.00", "0.06", 12, "ANNUITY");
        // the start date: the payoff is the principal, 100.00 above it is the customer's credit
        JsonPath paid = post("/loans/" + id + "/repayments", Map.of("amount", "1100.00"), 201);
        assertEquals("PREPAID", paid.getString("loanStatus"));
        assertEquals(100.00f, paid.getFloat("toCredit"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "150.00")).post("/loans/" + id + "/refunds").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("amount 150.00 exceeds the loan's credit balance 100.00"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/loans/" + id + "/refunds").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("amount")));
        given().contentType(ContentType.JSON).header(TestUsers.as("adv.amy", "advisor")).body(Map.of("amount", "1.00"))
                .post("/loans/" + id + "/refunds").then().statusCode(403);
        JsonPath refund = post("/loans/" + id + "/refunds", Map.of("amount", "60.00"), 201);
        assertEquals(40.00f, refund.getFloat("creditBalance"));
        given().get("/loans/" + id).then().body("creditBalance", equalTo(40.00f));
        // the payment that made the credit cannot bounce once part of its credit was paid out
        String repayment = paid.getString("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "returned")).post("/loans/" + id + "/repayments/" + repayment + "/reversal")
                .then().statusCode(422).body("detail", containsString("already refunded"));
    }

    @Test
    void aBouncedRepaymentIsReversedReopeningTheInstallmentDaysPastDueAndBucket() throws Exception {
        UUID customer = UUID.randomUUID();
        LocalDate today = businessDate();
        String id = openLoan(loanBody(customer, "2400.00", "0.06", 12, today.minusMonths(1), "ANNUITY"));
        // installment 1 falls due today; three days later it is overdue (bucket 1-30)
        advanceTo(today.plusDays(3));
        given().get("/loans/" + id).then().body("daysPastDue", equalTo(3)).body("delinquencyBucket", equalTo("1-30"));
        String installment = loan(id).getString("schedule[0].total");
        JsonPath paid = post("/loans/" + id + "/repayments", Map.of("amount", installment), 201);
        given().get("/loans/" + id).then().body("daysPastDue", equalTo(0)).body("schedule[0].status", equalTo("PAID"));

        JsonPath reversed = post("/loans/" + id + "/repayments/" + paid.getString("id") + "/reversal",
                Map.of("reason", "direct debit returned"), 200);
        assertEquals(today.plusDays(3).toString(), reversed.getString("reversedOn"));
        given().get("/loans/" + id).then().body("daysPastDue", equalTo(3)).body("delinquencyBucket", equalTo("1-30"))
                .body("schedule[0].status", equalTo("OVERDUE")).body("schedule[0].interestPaid", equalTo(0.00f));
        JsonNode event = data("repayment-events", "REPAYMENT_REVERSED", id);
        assertEquals(paid.getString("id"), event.get("repaymentId").asText());
        assertEquals(new BigDecimal(installment).setScale(2).toPlainString(), event.get("amount").asText());
        assertEquals(3, event.get("daysPastDue").asInt());
        assertEquals("2400.00", event.get("outstanding").asText());
        given().contentType(ContentType.JSON).body(Map.of("reason", "again")).post("/loans/" + id + "/repayments/" + paid.getString("id")
                + "/reversal").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/loans/" + id + "/repayments/" + UUID.randomUUID()
                + "/reversal").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("reason", "")).post("/loans/" + id + "/repayments/" + paid.getString("id")
                + "/reversal").then().statusCode(400).body("errors.field", hasItem(containsString("reason")));
        given().get("/loans/" + id + "/repayments").then().body("[0].reversalReason", equalTo("direct debit returned"));
    }

    @Test
    void aPartialPrepaymentIsALoanModificationAndItsReversalPutsTheScheduleBack() throws Exception {
        String id = openLoan(UUID.randomUUID(), "12000.00", "0.06", 12, "ANNUITY");
        JsonPath before = loan(id);
        // the start date: no interest earned, all 5,000.00 prepays principal
        JsonPath paid = post("/loans/" + id + "/repayments", Map.of("amount", "5000.00"), 201);
        JsonNode received = data("repayment-events", "REPAYMENT_RECEIVED", id);
        assertEquals("5000.00", received.get("principalPrepaid").asText());
        assertEquals("0.00", received.get("interestPaid").asText());
        assertEquals("0.00", received.get("feesOutstanding").asText());
        assertEquals("7000.00", received.get("outstanding").asText());
        JsonNode modified = data("loan-events", "PARTIAL_PREPAYMENT", id);
        assertEquals(2, modified.get("scheduleVersion").asInt());
        assertEquals("0.00", modified.get("concession").asText());
        // 7,000 over the same 12 dates at 0.5 % a month: the first interest is 7,000 x 0.005 = 35.00
        given().get("/loans/" + id).then().body("schedule[0].interest", equalTo(35.00f)).body("scheduleVersion", equalTo(2));

        post("/loans/" + id + "/repayments/" + paid.getString("id") + "/reversal", Map.of("reason", "cheque bounced"), 200);
        JsonPath after = loan(id);
        assertEquals(before.getList("schedule.total"), after.getList("schedule.total"), "the schedule before the prepayment is back");
        assertEquals(new BigDecimal("12000.00"), new BigDecimal(after.get("outstandingPrincipal").toString()).setScale(2));
        assertEquals(3, after.getInt("scheduleVersion"));
        assertEquals(3, data("loan-events", "REPAYMENT_REVERSAL", id).get("scheduleVersion").asInt());
    }

    @Test
    void aChargedOffLoanShowsNoUnearnedInterestAndRecoveriesAreBooked() throws Exception {
        UUID customer = UUID.randomUUID();
        String id = openLoan(loanBody(customer, "12000.00", "0.12", 12, businessDate(), "ANNUITY"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "10.00")).post("/loans/" + id + "/recoveries").then().statusCode(422)
                .body("detail", containsString("charged-off"));
        post("/loans/" + id + "/charge-off", Map.of("reason", "fraud"), 200);
        // charged off the day it was booked: nothing earned, so no interest is owed, shown or written off
        given().get("/loans/" + id).then().body("outstandingInterest", equalTo(0.00f)).body("outstandingPrincipal", equalTo(12000.00f));
        JsonNode closed = data("loan-events", "LOAN_CLOSED", id);
        assertEquals("12000.00", closed.get("unrecoveredPrincipal").asText());
        assertEquals("0.00", closed.get("unrecoveredInterest").asText());
        assertEquals("0.00", closed.get("writtenOffFees").asText());

        JsonPath recovery = post("/loans/" + id + "/recoveries", Map.of("amount", "2500.00"), 201);
        assertEquals(2500.00f, recovery.getFloat("recovered"));
        given().contentType(ContentType.JSON).body(Map.of("amount", "9500.01")).post("/loans/" + id + "/recoveries").then().statusCode(422)
                .body("detail", containsString("9500.00"));
        given().get("/loans/" + id).then().body("recovered", equalTo(2500.00f));
        given().get("/loans/" + id + "/recoveries").then().statusCode(200).body("[0].amount", equalTo(2500.00f));
        JsonNode recovered = data("loan-events", "LOAN_RECOVERY_RECEIVED", id);
        assertEquals("2500.00", recovered.get("amount").asText());
        assertEquals("2500.00", recovered.get("totalRecovered").asText());
        given().get("/portfolio").then().statusCode(200).body("recoveredAfterChargeOff", notNullValue());
    }
}
