package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.TestUsers;

import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The acting user comes from the token, on every write of every service (issue 17, point 4). Walks
 * every write operation (POST, PUT, PATCH, DELETE) of the four running services' OpenAPI documents:
 * <ul>
 * <li>no request body of any write operation has a user field (a name ending in {@code By}, or
 * {@code user}/{@code actor}/{@code author}): nobody can name themselves;</li>
 * <li>every write of customer-service and loan-service is either probed (performed as a user of its
 * own: the recorded actor must be that token's user, in the answer and where it is read back) or
 * listed here as recording no actor, or one the API does not show; a new write must be put in one
 * of the lists. retention-service's and risk-service's writes are printed as not probed
 * (an intervention needs a churn alert first, a model training data).</li>
 * </ul>
 * Most operations answer a {@code Response}, whose OpenAPI schema is not known: which writes record
 * an actor cannot be read from the documents, hence the lists.
 */
class RecordedActorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTOR_FIELD = Pattern.compile("(?i).+By|user|username|actor|author");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    /** Services every write of which must be probed or listed below. */
    private static final Set<String> FULLY_COVERED = Set.of("customer-service", "loan-service");
    /** Writes that record no acting user, and why that is right. */
    private static final Map<String, String> NO_ACTOR = Map.of(
            "customer-service POST /customers", "a registration by the core banking system: the profile records no user",
            "customer-service PUT /customers/{id}", "profile updates record no user",
            "customer-service POST /customers/{id}/credit-scores", "a bureau's score: the bureau is the source",
            "customer-service PUT /customers/{id}/contact-preferences", "the customer's own preferences: no user recorded",
            "loan-service POST /loans", "a booking by the core banking system: the loan records no user");
    /** Writes that record the token's user where the API does not show it (nothing to read back here). */
    private static final Map<String, String> NOT_SHOWN = Map.of(
            "loan-service POST /loans/{id}/charge-off", "loan.closed_by (not in LoanResponse)",
            "loan-service POST /loans/{id}/repayments/{repaymentId}/reversal", "repayment.reversed_by (not in RepaymentResponse)");

    private static ServiceProcesses services;
    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();

    private record Write(String service, String method, String path, JsonNode spec) {
        String key() {
            return service + " " + method + " " + path;
        }
    }

    @BeforeAll
    static void loadDocuments() throws Exception {
        services = E2eStack.services();
        for (String service : ServiceProcesses.SERVICES) {
            String doc = given().get(services.url(service) + "/q/openapi?format=json").then().statusCode(200).extract().asString();
            DOCUMENTS.put(service, JSON.readTree(doc));
        }
    }

    @Test
    void noWriteTakesItsUserFromTheBody() {
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Write w : writes()) {
            walked++;
            JsonNode body = w.spec().path("requestBody").path("content").path("application/json").path("schema");
            for (String field : properties(body, DOCUMENTS.get(w.service()), "", 0)) {
                if (ACTOR_FIELD.matcher(field.substring(field.lastIndexOf('.') + 1)).matches()) {
                    failures.add(w.key() + ": request field " + field + " names a user");
                }
            }
        }
        System.out.printf("recorded actor: %d write operations walked for user fields in their request bodies%n", walked);
        for (String service : ServiceProcesses.SERVICES) {
            assertTrue(writes().stream().anyMatch(w -> w.service().equals(service)), service + "'s document lists its writes");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyWriteThatRecordsAnActorRecordsTheTokensUser() {
        Map<String, Probe> probes = probes();
        List<String> failures = new ArrayList<>();
        Set<String> probed = new TreeSet<>();
        Set<String> notProbed = new TreeSet<>();
        for (Write w : writes()) {
            if (probes.containsKey(w.key())) {
                probed.add(w.key());
            } else if (NO_ACTOR.containsKey(w.key())) {
                notProbed.add(w.key() + ": records no actor (" + NO_ACTOR.get(w.key()) + ")");
            } else if (NOT_SHOWN.containsKey(w.key())) {
                notProbed.add(w.key() + ": records the token's user in " + NOT_SHOWN.get(w.key()));
            } else {
                notProbed.add(w.key() + ": NOT PROBED");
                if (FULLY_COVERED.contains(w.service())) {
                    failures.add(w.key() + " is neither probed here nor listed as recording no actor");
                }
            }
        }
        probes.keySet().stream().filter(k -> writes().stream().noneMatch(w -> w.key().equals(k)))
                .forEach(k -> failures.add(k + " is probed here but no OpenAPI document lists it"));
        for (Probe probe : new LinkedHashSet<>(probes.values())) {
            probe.run(failures);
        }
        System.out.println("recorded actor, probed:\n  " + String.join("\n  ", probed));
        System.out.println("recorded actor, NOT probed:\n  " + String.join("\n  ", notProbed));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** One scenario performing one or more writes as users of their own and checking what was recorded. */
    @FunctionalInterface
    private interface Probe {
        void run(List<String> failures);
    }

    private Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        Probe contacts = this::contactIsLoggedByTheToken;
        probes.put("customer-service POST /customers/{id}/contacts", contacts);
        probes.put("customer-service POST /customers/{id}/erasure", this::erasureIsByTheToken);
        Probe applications = this::applicationDecisionsAreByTheTokens;
        for (String op : List.of("POST /loan-applications", "POST /loan-applications/{id}/approve", "POST /loan-applications/{id}/reject",
                "POST /loan-applications/{id}/withdraw", "POST /loan-applications/{id}/disburse")) {
            probes.put("loan-service " + op, applications);
        }
        Probe loans = this::loanWritesAreByTheTokens;
        for (String op : List.of("POST /loans/{id}/repayments", "POST /loans/{id}/modification-requests",
                "POST /modification-requests/{id}/approve", "POST /modification-requests/{id}/reject", "POST /business-date")) {
            probes.put("loan-service " + op, loans);
        }
        Probe cash = this::cashIsRecordedByTheToken;
        probes.put("loan-service POST /loans/{id}/refunds", cash);
        probes.put("loan-service POST /loans/{id}/recoveries", cash);
        return probes;
    }

    // --- customer-service ---

    private void contactIsLoggedByTheToken(List<String> failures) {
        String customer = registerCustomer();
        String url = services.url("customer-service") + "/customers/" + customer + "/contacts";
        LocalDate on = LocalDate.parse(given().get(services.url("customer-service") + "/business-date").then().statusCode(200)
                .extract().<String>path("businessDate"));
        var answer = given().header(as("advisor.actor1", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE", "contactDate", on.toString())).post(url)
                .then().extract();
        expect(failures, "customer-service POST /customers/{id}/contacts", answer, 201, "loggedBy", "advisor.actor1");
        String readBack = given().get(url).then().statusCode(200).extract().path("[0].loggedBy");
        same(failures, "customer-service GET /customers/{id}/contacts loggedBy", "advisor.actor1", readBack);
        int spoofed = given().header(as("advisor.actor1", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE", "contactDate", on.toString(), "loggedBy", "cfo.spoofed"))
                .post(url).then().extract().statusCode();
        if (spoofed != 400) {
            failures.add("customer-service POST /customers/{id}/contacts with loggedBy cfo.spoofed: " + spoofed + ", expected 400");
        }
    }

    private void erasureIsByTheToken(List<String> failures) {
        String customer = registerCustomer();
        var answer = given().header(as("admin.actor2", "admin")).contentType(ContentType.JSON).body(Map.of("requestReference", "DSR-E2E-1"))
                .post(services.url("customer-service") + "/customers/" + customer + "/erasure").then().extract();
        expect(failures, "customer-service POST /customers/{id}/erasure", answer, 200, "erasedBy", "admin.actor2");
    }

    // --- loan-service ---

    private void applicationDecisionsAreByTheTokens(List<String> failures) {
        String loans = services.url("loan-service");
        String customer = registerCustomer();
        Map<String, Object> application = Map.of("customerId", customer, "amount", "5000.00", "annualRate", "0.07", "termMonths", 12,
                "method", "ANNUITY");
        var submitted = E2eStack.onceCustomerKnown(() -> given().header(as("maker.actor3", "core-banking"))
                .contentType(ContentType.JSON).body(application).post(loans + "/loan-applications")).then().extract();
        expect(failures, "loan-service POST /loan-applications", submitted, 201, "submittedBy", "maker.actor3");
        String id = submitted.path("id");
        var approved = given().header(as("checker.actor4", "core-banking")).contentType(ContentType.JSON)
                .post(loans + "/loan-applications/" + id + "/approve").then().extract();
        expect(failures, "loan-service POST /loan-applications/{id}/approve", approved, 200, "decidedBy", "checker.actor4");
        var disbursed = given().header(as("payer.actor5", "core-banking")).contentType(ContentType.JSON).body("{}")
                .post(loans + "/loan-applications/" + id + "/disburse").then().extract();
        // disbursing books the loan; the application keeps who submitted and who decided (the disburser is not
        // recorded by loan-service's API: nothing to compare, and no body field could name them)
        expect(failures, "loan-service POST /loan-applications/{id}/disburse", disbursed, 201, "decidedBy", "checker.actor4");
        expect(failures, "loan-service POST /loan-applications/{id}/disburse", disbursed, 201, "submittedBy", "maker.actor3");

        String toReject = given().header(as("maker.actor3", "core-banking")).contentType(ContentType.JSON).body(application)
                .post(loans + "/loan-applications").then().statusCode(201).extract().path("id");
        var rejected = given().header(as("checker.actor6", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("reason", "income not verified")).post(loans + "/loan-applications/" + toReject + "/reject").then().extract();
        expect(failures, "loan-service POST /loan-applications/{id}/reject", rejected, 200, "decidedBy", "checker.actor6");
        String toWithdraw = given().header(as("maker.actor3", "core-banking")).contentType(ContentType.JSON).body(application)
                .post(loans + "/loan-applications").then().statusCode(201).extract().path("id");
        var withdrawn = given().header(as("clerk.actor7", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("reason", "customer changed their mind")).post(loans + "/loan-applications/" + toWithdraw + "/withdraw")
                .then().extract();
        expect(failures, "loan-service POST /loan-applications/{id}/withdraw", withdrawn, 200, "decidedBy", "clerk.actor7");
    }

    private void loanWritesAreByTheTokens(List<String> failures) {
        String loans = services.url("loan-service");
        String customer = registerCustomer();
        LocalDate today = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().<String>path("date"));
        String loan = bookLoan(customer, today);
        var repaid = given().header(as("cashier.actor9", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00")).post(loans + "/loans/" + loan + "/repayments").then().extract();
        expect(failures, "loan-service POST /loans/{id}/repayments", repaid, 201, "recordedBy", "cashier.actor9");
        String history = given().get(loans + "/loans/" + loan + "/repayments").then().statusCode(200).extract().path("[0].recordedBy");
        same(failures, "loan-service GET /loans/{id}/repayments recordedBy", "cashier.actor9", history);

        Map<String, Object> rateChange = Map.of("kind", "RATE_CHANGE", "newAnnualRate", "0.06", "note", "loyalty");
        var asked = given().header(as("advisor.actor10", "advisor")).contentType(ContentType.JSON).body(rateChange)
                .post(loans + "/loans/" + loan + "/modification-requests").then().extract();
        expect(failures, "loan-service POST /loans/{id}/modification-requests", asked, 201, "requestedBy", "advisor.actor10");
        var approved = given().header(as("manager.actor11", "retention-manager")).contentType(ContentType.JSON)
                .post(loans + "/modification-requests/" + asked.path("id") + "/approve").then().extract();
        expect(failures, "loan-service POST /modification-requests/{id}/approve", approved, 200, "decidedBy", "manager.actor11");
        var again = given().header(as("advisor.actor10", "advisor")).contentType(ContentType.JSON).body(rateChange)
                .post(loans + "/loans/" + loan + "/modification-requests").then().extract();
        var rejected = given().header(as("manager.actor12", "retention-manager")).contentType(ContentType.JSON)
                .body(Map.of("reason", "not now")).post(loans + "/modification-requests/" + again.path("id") + "/reject").then().extract();
        expect(failures, "loan-service POST /modification-requests/{id}/reject", rejected, 200, "decidedBy", "manager.actor12");

        var closed = given().header(as("operator.actor13", "admin")).contentType(ContentType.JSON)
                .body(Map.of("date", today.plusDays(1).toString())).post(loans + "/business-date").then().extract();
        expect(failures, "loan-service POST /business-date", closed, 200, "triggeredBy", "operator.actor13");
    }

    private void cashIsRecordedByTheToken(List<String> failures) {
        String loans = services.url("loan-service");
        LocalDate today = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().<String>path("date"));
        // an overpayment leaves a credit balance, which is refunded
        String overpaid = bookLoan(registerCustomer(), today);
        given().contentType(ContentType.JSON).body(Map.of("amount", "6100.00")).post(loans + "/loans/" + overpaid + "/repayments")
                .then().statusCode(201);
        var refunded = given().header(as("teller.actor14", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("amount", "10.00")).post(loans + "/loans/" + overpaid + "/refunds").then().extract();
        expect(failures, "loan-service POST /loans/{id}/refunds", refunded, 201, "recordedBy", "teller.actor14");
        // a charged-off loan, on which money is recovered
        String written = bookLoan(registerCustomer(), today);
        given().header(as("operator.actor15", "core-banking")).contentType(ContentType.JSON).body(Map.of("reason", "fraud"))
                .post(loans + "/loans/" + written + "/charge-off").then().statusCode(200);
        var recovered = given().header(as("collector.actor16", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("amount", "50.00")).post(loans + "/loans/" + written + "/recoveries").then().extract();
        expect(failures, "loan-service POST /loans/{id}/recoveries", recovered, 201, "recordedBy", "collector.actor16");
    }

    // --- helpers ---

    /** A 6,000 loan starting {@code on}; its booking records no actor (NO_ACTOR). */
    private static String bookLoan(String customer, LocalDate on) {
        return E2eStack.bookLoan(services.url("loan-service"), Map.of("customerId", customer, "principal", "6000.00",
                "annualRate", "0.08", "termMonths", 12, "startDate", on.toString(), "method", "ANNUITY"))
                .then().statusCode(201).extract().path("id");
    }

    private static String registerCustomer() {
        return given().contentType(ContentType.JSON).body(Map.of("type", "INDIVIDUAL", "fullName", "Actor Test",
                "nationalId", "ACT" + System.nanoTime(), "relationshipSince", "2019-04-01", "annualIncome", 40000))
                .post(services.url("customer-service") + "/customers").then().statusCode(201).extract().path("id");
    }

    private static Header as(String user, String role) {
        return TestUsers.as(user, role);
    }

    private static void expect(List<String> failures, String what, ExtractableResponse<Response> answer, int status, String field,
            String user) {
        if (answer.statusCode() != status) {
            failures.add(what + ": " + answer.statusCode() + " (expected " + status + "): " + answer.asString());
            return;
        }
        same(failures, what + " " + field, user, answer.path(field));
    }

    private static void same(List<String> failures, String what, String expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            failures.add(what + ": recorded " + actual + ", the token's user is " + expected);
        }
    }

    private static List<Write> writes() {
        List<Write> writes = new ArrayList<>();
        DOCUMENTS.forEach((service, doc) -> doc.path("paths").fields().forEachRemaining(path -> {
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                if (WRITES.contains(op.getKey())) {
                    writes.add(new Write(service, op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), op.getValue()));
                }
            }
        }));
        return writes;
    }

    /** Property paths of a schema ($refs resolved, nested objects and array items to a few levels). */
    private static List<String> properties(JsonNode schema, JsonNode doc, String prefix, int depth) {
        List<String> names = new ArrayList<>();
        schema = resolve(schema, doc);
        if (depth > 3 || schema.isMissingNode()) {
            return names;
        }
        if (schema.has("items")) {
            return properties(schema.get("items"), doc, prefix, depth + 1);
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combined).forEach(s -> names.addAll(properties(s, doc, prefix, depth + 1)));
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            names.add(prefix + p.getKey());
            names.addAll(properties(p.getValue(), doc, prefix + p.getKey() + ".", depth + 1));
        });
        return names;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode doc) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = doc.at(ref.substring(1));
        }
        return schema;
    }
}
