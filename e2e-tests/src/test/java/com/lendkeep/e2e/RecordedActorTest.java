package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.ServiceProcesses;


/**
 * The acting user comes from the token, on every write of every service (issue 17, point 4). Walks
 * every write operation (POST, PUT, PATCH, DELETE) of the four running services' OpenAPI documents:
 * <ul>
 * <li>no request body of any write operation has a user field (a name ending in {@code By}, or
 * {@code user}/{@code actor}/{@code author}): nobody can name themselves;</li>
 * <li>every write of the four services is either probed (performed as a user of its own: the
 * recorded actor must be that token's user, in the answer and where it is read back), or listed
 * here as recording no actor, as one the API does not show, or as probed by the service's own tests
 * where this shared stack cannot host it; a new write must be put in one of the lists.</li>
 * </ul>
 * Most operations answer a {@code Response}, whose OpenAPI schema is not known: which writes record
 * an actor cannot be read from the documents, hence the lists.
 */
class RecordedActorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTOR_FIELD = Pattern.compile("(?i).+By|user|username|actor|author");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    /** Writes that record no acting user, and why that is right. */
    private static final Map<String, String> NO_ACTOR = Map.of(
            "customer-service POST /customers", "a registration by the core banking system: the profile records no user",
            "customer-service PUT /customers/{id}", "profile updates record no user",
            "customer-service POST /customers/{id}/credit-scores", "a bureau's score: the bureau is the source",
            "customer-service PUT /customers/{id}/contact-preferences", "the customer's own preferences: no user recorded",
            "loan-service POST /loans", "a booking by the core banking system: the loan records no user",
            "retention-service POST /interventions/expire", "runs the scheduler's expiry job now: each expiry is the system's",
            "retention-service POST /interventions/overdue", "runs the scheduler's overdue check now: each escalation is the system's",
            "retention-service POST /cases/stop-waiting", "runs the scheduler's no-dead-ends check now: each decision is the system's");
    /** Writes that record the token's user where the API does not show it (nothing to read back here). */
    private static final Map<String, String> NOT_SHOWN = Map.of(
            "loan-service POST /loans/{id}/charge-off", "loan.closed_by (not in LoanResponse)",
            "loan-service POST /loans/{id}/repayments/{repaymentId}/reversal", "repayment.reversed_by (not in RepaymentResponse)");

    /**
     * Writes probed by their service's own tests, because this stack is shared by every end-to-end
     * class: activating a model re-scores every customer, and a hand offer needs one the contact
     * policy blocked.
     */
    private static final Map<String, String> PROBED_BY_THE_SERVICE = Map.of(
            "risk-service POST /models/train", "ModelLifecycleTest: audit 'analyst.one TRAINED'",
            "risk-service POST /models/{version}/activation-request", "ModelLifecycleTest: requestedBy and audit ACTIVATION_REQUESTED",
            "risk-service POST /models/{version}/activate", "ModelLifecycleTest: audit 'analyst.two ACTIVATION_APPROVED'",
            "risk-service POST /models/{version}/challenger", "ModelLifecycleTest: audit 'analyst.three CHALLENGER_SET'",
            "risk-service POST /models/active/{churnType}/retire", "ModelLifecycleTest: audit 'analyst.two RETIRED_ACTIVE'",
            "retention-service POST /interventions/{id}/offer", "ContactPolicyEnforcementTest: offeredBy 'advisor.lee'");

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
            } else if (PROBED_BY_THE_SERVICE.containsKey(w.key())) {
                notProbed.add(w.key() + ": probed by " + PROBED_BY_THE_SERVICE.get(w.key()));
            } else {
                failures.add(w.key() + " is neither probed here nor listed as recording no actor");
            }
        }
        probes.keySet().stream().filter(k -> writes().stream().noneMatch(w -> w.key().equals(k)))
                .forEach(k -> failures.add(k + " is probed here but no OpenAPI document lists it"));
        for (Probe probe : new LinkedHashSet<>(probes.values())) {
            probe.run(failures);
        }
        System.out.println("recorded actor, probed:\n  " + String.join("\n  ", probed));
        System.out.println("recorded actor, not probed here:\n  " + String.join("\n  ", notProbed));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** One scenario performing one or more writes as users of their own and checking what was recorded. */
    @FunctionalInterface
    private interface Probe {
        void run(List<String> failures);
    }

    private Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        CustomerLoanActorProbes book = new CustomerLoanActorProbes(services);
        probes.put("customer-service POST /customers/{id}/contacts", book::contactIsLoggedByTheToken);
        probes.put("customer-service POST /customers/{id}/erasure", book::erasureIsByTheToken);
        Probe applications = book::applicationDecisionsAreByTheTokens;
        for (String op : List.of("POST /loan-applications", "POST /loan-applications/{id}/approve", "POST /loan-applications/{id}/reject",
                "POST /loan-applications/{id}/withdraw", "POST /loan-applications/{id}/disburse")) {
            probes.put("loan-service " + op, applications);
        }
        Probe loans = book::loanWritesAreByTheTokens;
        for (String op : List.of("POST /loans/{id}/repayments", "POST /loans/{id}/modification-requests",
                "POST /modification-requests/{id}/approve", "POST /modification-requests/{id}/reject", "POST /business-date")) {
            probes.put("loan-service " + op, loans);
        }
        Probe cash = book::cashIsRecordedByTheToken;
        probes.put("loan-service POST /loans/{id}/refunds", cash);
        probes.put("loan-service POST /loans/{id}/recoveries", cash);

        RetentionActorProbes retention = new RetentionActorProbes(services);
        Probe decisions = retention::decisionsAreByTheTokens;
        for (String op : List.of("POST /interventions", "POST /interventions/{id}/approve", "POST /interventions/{id}/reject",
                "POST /interventions/{id}/withdraw")) {
            probes.put("retention-service " + op, decisions);
        }
        Probe tasks = retention::tasksAreClosedByTheTokens;
        for (String op : List.of("POST /interventions/{id}/accept", "POST /tasks/{id}/reassign", "POST /tasks/{id}/complete",
                "POST /tasks/{id}/cancel")) {
            probes.put("retention-service " + op, tasks);
        }
        probes.put("retention-service POST /interventions/{id}/decline", retention::declineIsByTheToken);
        Probe playbook = retention::playbookChangesAreByTheTokens;
        for (String op : List.of("POST /playbook/rules", "PUT /playbook/rules/{id}", "DELETE /playbook/rules/{id}")) {
            probes.put("retention-service " + op, playbook);
        }
        return probes;
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
