package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.lendkeep.infra.ServiceProcesses;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * retention-service's writes, each performed as a user of its own (RecordedActorTest). Every
 * intervention starts from a real alert: a customer with a loan whose EQUIFAX score falls 200 points
 * and who reports hardship is scored by risk-service, whose alert opens a case here. One customer per
 * chain, so that the contact policy (offers per customer) never blocks the next step.
 */
class RetentionActorProbes extends ActorChecks {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<Map<String, Object>> FORBEARANCE = List.of(
            Map.of("kind", "PAYMENT_HOLIDAY", "holidayMonths", 2),
            Map.of("kind", "PAYMENT_EXTENSION", "extensionMonths", 2),
            Map.of("kind", "RESTRUCTURING", "termExtensionMonths", 12));

    RetentionActorProbes(ServiceProcesses services) {
        super(services);
    }

    /** Propose, reject, approve, withdraw: who did each is in the intervention and its history. */
    void decisionsAreByTheTokens(List<String> failures) {
        String alert = alertOfADistressedCustomer();
        List<Map<String, Object>> proposed = given().get(retention() + "/cases/" + alert).then().statusCode(200).extract()
                .path("interventions.findAll { it.status == 'PROPOSED' }");
        // the playbook's own forbearance waits for a person (its proposer is the system): a manager refuses it
        for (Map<String, Object> waiting : proposed) {
            var rejected = given().header(as("manager.actor21", "retention-manager")).contentType(ContentType.JSON)
                    .body(Map.of("note", "not this one")).post(retention() + "/interventions/" + waiting.get("id") + "/reject").then().extract();
            expect(failures, "retention-service POST /interventions/{id}/reject", rejected, 200, "approvedBy", "manager.actor21");
            lastActor(failures, "retention-service POST /interventions/{id}/reject", (String) waiting.get("id"), "manager.actor21");
        }
        // the advisor's own proposals: one refused (when the playbook proposed nothing to refuse), one approved
        boolean refusedOne = !proposed.isEmpty();
        String id = null;
        List<String> kinds = given().get(retention() + "/cases/" + alert).then().extract().path("interventions.kind");
        for (Map<String, Object> relief : FORBEARANCE) {
            if (id != null || kinds.contains((String) relief.get("kind"))) {
                continue;
            }
            var mine = propose("advisor.actor20", alert, relief);
            if (mine.statusCode() == 409) {
                continue; // the playbook proposed this kind for the alert meanwhile (its proposals follow the alert): try the next
            }
            if (mine.statusCode() != 201) {
                failures.add("retention-service POST /interventions " + relief + ": " + mine.statusCode() + " " + mine.asString());
                continue;
            }
            expect(failures, "retention-service POST /interventions", mine, 201, "proposedBy", "advisor.actor20");
            if (refusedOne) {
                id = mine.path("id");
            } else {
                var rejected = given().header(as("manager.actor21", "retention-manager")).contentType(ContentType.JSON).body("{}")
                        .post(retention() + "/interventions/" + mine.path("id") + "/reject").then().extract();
                expect(failures, "retention-service POST /interventions/{id}/reject", rejected, 200, "approvedBy", "manager.actor21");
                lastActor(failures, "retention-service POST /interventions/{id}/reject", mine.path("id"), "manager.actor21");
                refusedOne = true;
            }
        }
        if (id == null) {
            failures.add("retention-service: no forbearance of " + FORBEARANCE + " could be proposed for alert " + alert + " to approve");
            return;
        }
        var approved = given().header(as("manager.actor22", "retention-manager")).contentType(ContentType.JSON).body("{}")
                .post(retention() + "/interventions/" + id + "/approve").then().extract();
        expect(failures, "retention-service POST /interventions/{id}/approve", approved, 200, "approvedBy", "manager.actor22");
        var withdrawn = given().header(as("advisor.actor23", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("note", "the customer found other help")).post(retention() + "/interventions/" + id + "/withdraw").then().extract();
        expect(failures, "retention-service POST /interventions/{id}/withdraw", withdrawn, 200, "status", "WITHDRAWN");
        lastActor(failures, "retention-service POST /interventions/{id}/withdraw", id, "advisor.actor23");
    }

    /** Counselling accepted becomes a task: reassigned by a manager, completed by its new owner; another is cancelled. */
    void tasksAreClosedByTheTokens(List<String> failures) {
        String completed = acceptedTask(failures, "advisor.actor24");
        if (completed != null) {
            var reassigned = given().header(as("manager.actor25", "retention-manager")).contentType(ContentType.JSON)
                    .body(Map.of("owner", "advisor.actor26")).post(retention() + "/tasks/" + completed + "/reassign").then().extract();
            expect(failures, "retention-service POST /tasks/{id}/reassign", reassigned, 200, "owner", "advisor.actor26");
            String note = reassigned.path("note");
            if (note == null || !note.endsWith(" by manager.actor25")) {
                failures.add("retention-service POST /tasks/{id}/reassign: note '" + note + "' does not name manager.actor25");
            }
            var done = given().header(as("advisor.actor26", "advisor")).contentType(ContentType.JSON)
                    .body(Map.of("note", "call held")).post(retention() + "/tasks/" + completed + "/complete").then().extract();
            expect(failures, "retention-service POST /tasks/{id}/complete", done, 200, "closedBy", "advisor.actor26");
        }
        String cancelled = acceptedTask(failures, "advisor.actor24");
        if (cancelled != null) {
            var answer = given().header(as("manager.actor27", "retention-manager")).contentType(ContentType.JSON)
                    .body(Map.of("note", "customer unreachable")).post(retention() + "/tasks/" + cancelled + "/cancel").then().extract();
            expect(failures, "retention-service POST /tasks/{id}/cancel", answer, 200, "closedBy", "manager.actor27");
        }
    }

    /** An offer the customer turns down: the advisor who recorded the answer is its decider. */
    void declineIsByTheToken(List<String> failures) {
        String id = offered(failures, "FINANCIAL_COUNSELLING", "advisor.actor28");
        if (id != null) {
            var declined = given().header(as("advisor.actor29", "advisor")).contentType(ContentType.JSON).body("{}")
                    .post(retention() + "/interventions/" + id + "/decline").then().extract();
            expect(failures, "retention-service POST /interventions/{id}/decline", declined, 200, "decidedBy", "advisor.actor29");
            lastActor(failures, "retention-service POST /interventions/{id}/decline", id, "advisor.actor29");
        }
    }

    /** A disabled rule added, replaced and removed: each version names the manager who made it. */
    void playbookChangesAreByTheTokens(List<String> failures) {
        String id = "actor-probe-" + Long.toString(System.nanoTime(), 36).replaceAll("[^a-z0-9]", "");
        Map<String, Object> rule = Map.of("id", id, "description", "never matches: a disabled rule", "priority", 90, "enabled", false,
                "when", Map.of("churnTypes", List.of("VOLUNTARY")), "propose", Map.of("kind", "FINANCIAL_COUNSELLING", "churnReduction", 0.1));
        var created = given().header(as("manager.actor30", "retention-manager")).contentType(ContentType.JSON)
                .body(Map.of("comment", "actor probe", "rule", rule)).post(retention() + "/playbook/rules").then().extract();
        expect(failures, "retention-service POST /playbook/rules", created, 201, "changedBy", "manager.actor30");
        Map<String, Object> replaced = new java.util.HashMap<>(rule);
        replaced.put("description", "still never matches");
        // a replacement or removal names the version it was made against (the ETag), else 428
        var updated = given().header(as("manager.actor31", "retention-manager")).contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag")).body(Map.of("rule", replaced))
                .put(retention() + "/playbook/rules/" + id).then().extract();
        expect(failures, "retention-service PUT /playbook/rules/{id}", updated, 200, "changedBy", "manager.actor31");
        var deleted = given().header(as("manager.actor32", "retention-manager")).header("If-Match", updated.header("ETag"))
                .queryParam("comment", "probe done")
                .delete(retention() + "/playbook/rules/" + id).then().extract();
        expect(failures, "retention-service DELETE /playbook/rules/{id}", deleted, 200, "changedBy", "manager.actor32");
        List<String> log = given().get(retention() + "/playbook/versions").then().statusCode(200).extract()
                .path("findAll { it.ruleId == '" + id + "' }.collect { it.action + ' ' + it.changedBy }");
        same(failures, "retention-service GET /playbook/versions of " + id,
                List.of("DELETE manager.actor32", "UPDATE manager.actor31", "CREATE manager.actor30").toString(), log.toString());
    }

    // --- the way to an intervention ---

    /** A task-kind intervention proposed by {@code advisor}, offered, accepted by them: its task's id. */
    private String acceptedTask(List<String> failures, String advisor) {
        String id = offered(failures, "FINANCIAL_COUNSELLING", advisor);
        if (id == null) {
            return null;
        }
        var accepted = given().header(as(advisor, "advisor")).contentType(ContentType.JSON).body("{}")
                .post(retention() + "/interventions/" + id + "/accept").then().extract();
        expect(failures, "retention-service POST /interventions/{id}/accept", accepted, 200, "decidedBy", advisor);
        lastActor(failures, "retention-service POST /interventions/{id}/accept", id, advisor);
        return accepted.path("taskId");
    }

    /**
     * A new alert's offered intervention of {@code kind}: the playbook's own if it proposed one (the
     * system's), else one proposed by {@code advisor}; null (a failure noted) when none is offered.
     */
    private String offered(List<String> failures, String kind, String advisor) {
        String alert = alertOfADistressedCustomer();
        String id = existing(alert, kind);
        if (id == null) {
            var proposed = propose(advisor, alert, Map.of("kind", kind));
            if (proposed.statusCode() == 409) {
                // the playbook's proposal arrived meanwhile (a case's proposals follow its evaluation)
                id = existing(alert, kind);
            } else {
                expect(failures, "retention-service POST /interventions (" + kind + ")", proposed, 201, "proposedBy", advisor);
                id = proposed.statusCode() == 201 ? proposed.path("id") : null;
            }
        }
        if (id == null) {
            failures.add("retention-service: no " + kind + " intervention for alert " + alert);
            return null;
        }
        String intervention = id;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "OFFERED".equals(given().get(retention() + "/interventions/" + intervention)
                    .then().extract().path("status")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            failures.add("retention-service: " + kind + " " + id + " for alert " + alert + " is "
                    + given().get(retention() + "/interventions/" + id).then().extract().path("status") + ", expected OFFERED");
            return null;
        }
        return id;
    }

    /** The alert's intervention of {@code kind}, whoever proposed it; null when there is none. */
    private String existing(String alert, String kind) {
        String customer = given().get(retention() + "/cases/" + alert).then().statusCode(200).extract().path("customerId");
        return given().queryParam("customerId", customer).get(retention() + "/interventions").then().statusCode(200).extract()
                .path("find { it.alertId == '" + alert + "' && it.kind == '" + kind + "' }.id");
    }

    private ExtractableResponse<Response> propose(String advisor, String alert, Map<String, Object> action) {
        Map<String, Object> body = new java.util.HashMap<>(action);
        body.put("alertId", alert);
        return given().header(as(advisor, "advisor")).contentType(ContentType.JSON).body(body).post(retention() + "/interventions")
                .then().extract();
    }

    /** A customer with a loan, an EQUIFAX fall from 740 to 540 and a hardship call: the id of risk-service's alert, once its case is open. */
    private String alertOfADistressedCustomer() {
        String customer = registerCustomer();
        String customers = services.url("customer-service");
        LocalDate today = LocalDate.parse(given().get(services.url("loan-service") + "/business-date").then().statusCode(200)
                .extract().<String>path("date"));
        bookLoan(customer, today);
        for (Object[] score : new Object[][] {{740, today.minusDays(60)}, {540, today}}) {
            given().contentType(ContentType.JSON).body(Map.of("bureau", "EQUIFAX", "score", score[0], "scoreDate", score[1].toString()))
                    .post(customers + "/customers/" + customer + "/credit-scores").then().statusCode(201);
        }
        given().header(as("advisor.intake", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "topic", "HARDSHIP", "channel", "PHONE", "contactDate", today.toString()))
                .post(customers + "/customers/" + customer + "/contacts").then().statusCode(201);
        String risk = services.url("risk-service");
        await().atMost(WAIT).until(() -> given().queryParam("customerId", customer).get(risk + "/alerts").then().statusCode(200)
                .extract().path("find { it.status == 'OPEN' }") != null);
        String alert = given().queryParam("customerId", customer).get(risk + "/alerts").then().extract().path("find { it.status == 'OPEN' }.id");
        await().atMost(WAIT).until(() -> {
            var c = given().get(retention() + "/cases/" + alert).then().extract();
            return c.statusCode() == 200 && !"WAITING_FOR_LOAN".equals(c.path("status"));
        });
        return alert;
    }

    private void lastActor(List<String> failures, String what, String intervention, String user) {
        List<String> actors = given().get(retention() + "/interventions/" + intervention + "/history").then().statusCode(200).extract()
                .path("actor");
        same(failures, what + ": last history entry's actor", user, actors.isEmpty() ? null : actors.get(actors.size() - 1));
    }

    private String retention() {
        return services.url("retention-service");
    }
}
