package com.lendkeep.loan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.LocalPostgres;
import com.lendkeep.infra.SharedTestInfra;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** REST and Kafka helpers shared by the loan-service tests (one business date for all of them: it only moves forward). */
public final class TestSupport {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // read amounts as written: an event's 600000.00 must not look like 6E+5 or 600000 here
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    public static final Duration WAIT = Duration.ofSeconds(30);

    private TestSupport() {
    }

    /** A new customer loan-service may book loans for. */
    public static UUID knownCustomer() {
        UUID customer = UUID.randomUUID();
        register(customer);
        return customer;
    }

    /**
     * Makes loan-service know the customer, as customer-service's CUSTOMER_REGISTERED would (that
     * path has its own test, CustomerProjectionTest); idempotent. Loan bodies built here call it, so
     * a test booking for a fresh UUID books for a registered customer.
     */
    public static void register(UUID customer) {
        try (Connection c = database(); PreparedStatement st = c.prepareStatement("INSERT INTO known_customer (customer_id, "
                + "registered_at, known_from) VALUES (?, now(), 'TEST_SUPPORT') ON CONFLICT DO NOTHING")) {
            st.setObject(1, customer);
            st.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register customer " + customer, e);
        }
    }

    public static LocalDate businessDate() {
        return LocalDate.parse(given().get("/business-date").then().statusCode(200).extract().path("date"));
    }

    /** Close of business on {@code date}; returns the answer. */
    public static JsonPath advanceTo(LocalDate date) {
        return given().contentType(ContentType.JSON).body(Map.of("date", date.toString()))
                .post("/business-date").then().statusCode(200).extract().jsonPath();
    }

    public static Map<String, Object> loanBody(UUID customer, String principal, String rate, int term, LocalDate start, String method) {
        register(customer);
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.toString());
        body.put("principal", principal);
        body.put("annualRate", rate);
        body.put("termMonths", term);
        body.put("startDate", start.toString());
        body.put("method", method);
        return body;
    }

    public static String openLoan(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/loans").then().statusCode(201).extract().path("id");
    }

    public static String openLoan(UUID customer, String principal, String rate, int term, String method) {
        return openLoan(loanBody(customer, principal, rate, term, businessDate(), method));
    }

    public static JsonPath loan(String id) {
        return exact(given().get("/loans/" + id).then().statusCode(200).extract().asString());
    }

    /** Numbers as BigDecimal, not float: amounts of 8 digits and more stay exact. */
    public static JsonPath exact(String json) {
        return JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    public static JsonPath pay(String loanId, BigDecimal amount) {
        return exact(given().contentType(ContentType.JSON).body(Map.of("amount", amount.toPlainString()))
                .post("/loans/" + loanId + "/repayments").then().statusCode(201).extract().asString());
    }

    public static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /** The installment's unpaid amount (fees, interest and principal). */
    public static BigDecimal unpaid(JsonPath loan, int index) {
        String at = "schedule[" + index + "].";
        return money(loan.get(at + "total")).add(money(loan.get(at + "fee"))).subtract(money(loan.get(at + "principalPaid")))
                .subtract(money(loan.get(at + "interestPaid"))).subtract(money(loan.get(at + "feePaid")));
    }

    /** Events of {@code type} about {@code loanId} on {@code topic}, in order, waiting until there are {@code count}. */
    public static List<JsonNode> events(KafkaTestClient kafka, String topic, String type, String loanId, int count) {
        Predicate<ConsumerRecord<String, String>> match = r -> r.value().contains("\"" + type + "\"") && r.value().contains(loanId);
        return kafka.awaitAll(topic, match, count, WAIT).stream().map(r -> read(r.value())).toList();
    }

    public static JsonNode event(KafkaTestClient kafka, String topic, String type, String loanId) {
        return events(kafka, topic, type, loanId, 1).get(0);
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A direct connection to the service's schema, to hold locks the way another transaction would. */
    public static Connection database() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + SharedTestInfra.postgresPort() + "/"
                + LocalPostgres.DATABASE + "?currentSchema=loan", "postgres", "postgres");
        c.setAutoCommit(false);
        return c;
    }

    public static void assertStatus(String loanId, String status) {
        given().get("/loans/" + loanId).then().statusCode(200).body("status", equalTo(status));
    }
}
