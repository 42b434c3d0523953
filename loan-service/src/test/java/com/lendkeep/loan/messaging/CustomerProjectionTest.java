package com.lendkeep.loan.messaging;

import static com.lendkeep.loan.TestSupport.businessDate;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.platform.events.EventEnvelope;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 16 point 5: loans and applications only for customers customer-service registered and did
 * not erase, learned from the real customer-events topic.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CustomerProjectionTest {

    /** The consumer gets its partitions some time after start: on a loaded machine over 40 s (what is awaited is unchanged). */
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(120);

    private static KafkaTestClient kafka;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static void publish(String type, UUID customer, String data) {
        kafka.send("customer-events", customer.toString(), """
                {"eventId":"%s","type":"%s","source":"customer-service","occurredAt":"2026-11-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":%s}""".formatted(UUID.randomUUID(), type, customer, data));
    }

    private static void register(UUID customer) {
        publish("CUSTOMER_REGISTERED", customer, """
                {"customerId":"%s","customerType":"INDIVIDUAL","segment":"RETAIL","relationshipSince":"2020-01-01"}""".formatted(customer));
    }

    private static Map<String, Object> loan(UUID customer) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.toString());
        body.put("principal", "5000.00");
        body.put("annualRate", "0.05");
        body.put("termMonths", 12);
        body.put("startDate", businessDate().toString());
        body.put("method", "ANNUITY");
        return body;
    }

    private static Map<String, Object> application(UUID customer) {
        Map<String, Object> body = loan(customer);
        body.remove("startDate");
        body.put("amount", body.remove("principal"));
        return body;
    }

    private static Response book(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/loans");
    }

    private static Response apply(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/loan-applications");
    }

    /** The reproduction: a loan for a customer id that does not exist got 201 and an ACTIVE loan. */
    @Test
    void anUnknownCustomerGetsNoLoanAndNoApplication() {
        UUID stranger = UUID.randomUUID();
        book(loan(stranger)).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("customerId")).body("detail", containsString(stranger.toString()));
        apply(application(stranger)).then().statusCode(422).body("errors.field", hasItem("customerId"));
        given().queryParam("customerId", stranger.toString()).get("/loans").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aCustomerRegisteredInCustomerServiceCanBorrowOnceLoanServiceHasSeenTheEvent() {
        UUID customer = UUID.randomUUID();
        register(customer);
        await("loan-service learns the customer").atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> book(loan(customer)).statusCode() == 201);
        apply(application(customer)).then().statusCode(201);
    }

    /** The reproduction: a loan for an erased customer got 201. */
    @Test
    void anErasedCustomerGetsNoLoanAndNoApplication() {
        UUID customer = UUID.randomUUID();
        register(customer);
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> book(loan(customer)).statusCode() == 201);
        publish("CUSTOMER_ERASED", customer, "{\"erasedAt\":\"2026-11-02T10:00:00Z\"}");
        await("loan-service learns the erasure").atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> book(loan(customer)).statusCode() == 422);
        book(loan(customer)).then().statusCode(422).body("errors.field", hasItem("customerId")).body("detail", containsString("erased"));
        apply(application(customer)).then().statusCode(422).body("detail", containsString("erased"));
        // a registration replayed after the erasure does not bring the customer back
        register(customer);
        publish("TIER_CHANGED", customer, "{\"previousTier\":null,\"newTier\":\"GOLD\",\"reason\":\"test\"}");
        UUID marker = UUID.randomUUID();
        register(marker);
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> book(loan(marker)).statusCode() == 201);
        book(loan(customer)).then().statusCode(422).body("detail", containsString("erased"));
    }

    @Test
    void systemWideEventsCreateNoCustomer() {
        publish("CUSTOMER_REGISTERED", EventEnvelope.SYSTEM_CUSTOMER_ID, """
                {"customerId":"%s","customerType":"INDIVIDUAL"}""".formatted(EventEnvelope.SYSTEM_CUSTOMER_ID));
        UUID marker = UUID.randomUUID();
        register(marker);
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> book(loan(marker)).statusCode() == 201);
        book(loan(EventEnvelope.SYSTEM_CUSTOMER_ID)).then().statusCode(422);
    }
}
