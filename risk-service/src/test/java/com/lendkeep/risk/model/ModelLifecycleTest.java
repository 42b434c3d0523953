package com.lendkeep.risk.model;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Train from outcomes, activate, shadow with a challenger, roll back and retire; on customers whose
 * repayment records arrive over real Kafka, as a core banking system would send them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class ModelLifecycleTest {

    private static KafkaTestClient kafka;
    private static final io.restassured.http.Header ONE = com.lendkeep.infra.TestUsers.as("analyst.one");
    private static final io.restassured.http.Header TWO = com.lendkeep.infra.TestUsers.as("analyst.two");
    private static final io.restassured.http.Header THREE = com.lendkeep.infra.TestUsers.as("analyst.three");

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String repayment(UUID customer, UUID loan, LocalDate month, int dpd, int due, int paid) {
        return """
                {"eventId":"%s","type":"REPAYMENT_RECEIVED","source":"core-banking","occurredAt":"2026-11-01T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"loanId":"%s","paidOn":"%s","dueDate":"%s","amountDue":%d,
                 "amountPaid":%d,"daysPastDue":%d,"onTime":%s,"outstanding":%d,"creditLimit":50000}}"""
                .formatted(UUID.randomUUID(), customer, loan, month, month, due, paid, dpd, dpd == 0, due);
    }

    static String contact(UUID customer, String topic) {
        return """
                {"eventId":"%s","type":"CONTACT_LOGGED","source":"customer-service","occurredAt":"2027-03-10T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"contactId":"%s","kind":"CALL","topic":"%s","channel":"PHONE",
                 "contactDate":"2027-03-10"}}""".formatted(UUID.randomUUID(), customer, UUID.randomUUID(), topic);
    }

    static String creditScore(UUID customer, int score, LocalDate on) {
        return """
                {"eventId":"%s","type":"CREDIT_SCORE_CHANGED","source":"customer-service","occurredAt":"2027-03-10T10:00:00Z",
                 "schemaVersion":1,"customerId":"%s","data":{"bureau":"EQUIFAX","newScore":%d,"scoreDate":"%s"}}"""
                .formatted(UUID.randomUUID(), customer, score, on);
    }

    @Test
    void trainActivateChallengeRollBackAndRetire() {
        // 300 customers; those who will default pay late and little, with noise
        Random random = new Random(7);
        Map<UUID, Boolean> outcome = new HashMap<>();
        int events = 0;
        for (int c = 0; c < 300; c++) {
            UUID customer = UUID.randomUUID();
            UUID loan = UUID.randomUUID();
            boolean defaults = random.nextDouble() < 0.3;
            outcome.put(customer, defaults);
            for (int m = 0; m < 6; m++) {
                boolean late = defaults ? random.nextDouble() < 0.6 : random.nextDouble() < 0.1;
                int due = 2000 + random.nextInt(3000);
                int paid = late ? random.nextInt(due / 2) : due;
                kafka.send("repayment-events", customer.toString(), repayment(customer, loan, LocalDate.of(2025, 4 + m, 1),
                        late ? 30 * (1 + random.nextInt(2)) : 0, due, paid));
                events++;
            }
        }
        UUID last = outcome.keySet().iterator().next();
        await().atMost(Duration.ofSeconds(90)).until(() -> given().get("/risk/portfolio").then().extract()
                .<Integer>path("paymentsRecorded") >= 1800);

        List<Map<String, String>> outcomes = new ArrayList<>();
        outcome.forEach((id, churned) -> outcomes.add(Map.of("customerId", id.toString(),
                "outcome", churned ? "CHURNED_INVOLUNTARY" : "RETAINED")));
        outcomes.add(Map.of("customerId", UUID.randomUUID().toString(), "outcome", "RETAINED"));

        String gbt = given().header(ONE).contentType(ContentType.JSON).body(Map.of("algorithm", "GRADIENT_BOOSTED_TREES",
                "churnType", "INVOLUNTARY", "seed", 1, "outcomes", outcomes))
                .post("/models/train").then().statusCode(201)
                .body("status", equalTo("TRAINED")).body("trainingSize", equalTo(300)).body("unknownCustomers", equalTo(1))
                .body("metrics.validationAuc", greaterThan(0.75f)).body("metrics.calibration", hasSize(10))
                .extract().path("version");
        String lr = given().contentType(ContentType.JSON).body(Map.of("algorithm", "LOGISTIC_REGRESSION",
                "churnType", "INVOLUNTARY", "seed", 1, "outcomes", outcomes))
                .post("/models/train").then().statusCode(201)
                .body("metrics.validationAuc", greaterThan(0.75f)).extract().path("version");
        assertTrue(gbt.startsWith("gbt-inv-") && lr.startsWith("lr-inv-"), gbt + " " + lr);

        // four eyes: no activation without a request, and never by the analyst who requested it
        given().header(ONE).post("/models/" + gbt + "/activate").then().statusCode(409).contentType("application/problem+json");
        given().header(ONE).contentType(ContentType.JSON).body(Map.of()).post("/models/" + gbt + "/activation-request").then()
                .statusCode(202).body("requestedBy", equalTo("analyst.one")).body("comparison.champion", equalTo(null))
                .body("comparison.candidate.auc", greaterThan(0.75f)).body("comparison.candidate.brier", greaterThan(0f))
                .body("comparison.candidate.calibration", hasSize(10));
        given().header(ONE).post("/models/" + gbt + "/activate").then().statusCode(403).contentType("application/problem+json");
        // activate: everyone is re-scored by the new model, which states its version
        given().header(TWO).post("/models/" + gbt + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        awaitRescored(gbt);
        given().get("/risk/customers/" + last + "/score").then().statusCode(200)
                .body("modelVersion", startsWith("involuntary:" + gbt));

        // challenger shadows: its score sits beside the active one
        String challengeKey = UUID.randomUUID().toString();
        String challenged = given().header(THREE).header("Idempotency-Key", challengeKey).post("/models/" + lr + "/challenger").then()
                .statusCode(200).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue()).body("status", equalTo("CHALLENGER"))
                .extract().asString();
        // a retry with the same key (the answer was lost) gets the first answer again and changes nothing
        String replayed = given().header(THREE).header("Idempotency-Key", challengeKey).post("/models/" + lr + "/challenger").then()
                .statusCode(200).header("Idempotent-Replayed", equalTo("true")).extract().asString();
        assertEquals(challenged, replayed);
        given().header(THREE).header("Idempotency-Key", challengeKey).post("/models/" + gbt + "/challenger").then().statusCode(422)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(challengeKey));
        awaitRescored(lr);
        given().get("/risk/customers/" + last + "/score").then().body("challengerVersion", equalTo(lr))
                .body("modelVersion", startsWith("involuntary:" + gbt));

        // promote the challenger: shown against the champion, refused when worse unless forced with a reason
        float gbtAuc = given().get("/models/" + gbt).then().extract().path("metrics.validationAuc");
        float gbtBrier = given().get("/models/" + gbt).then().extract().path("metrics.brier");
        float lrAuc = given().get("/models/" + lr).then().extract().path("metrics.validationAuc");
        float lrBrier = given().get("/models/" + lr).then().extract().path("metrics.brier");
        boolean worse = lrAuc < gbtAuc || lrBrier > gbtBrier;
        given().header(ONE).contentType(ContentType.JSON).body(Map.of()).post("/models/" + lr + "/activation-request").then()
                .statusCode(worse ? 422 : 202);
        given().header(ONE).contentType(ContentType.JSON).body(Map.of("force", true)).post("/models/" + lr + "/activation-request")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().header(ONE).contentType(ContentType.JSON).body(Map.of("force", true, "reason", "shadow results on outcomes"))
                .post("/models/" + lr + "/activation-request").then().statusCode(202).body("comparison.champion.version", equalTo(gbt))
                .body("comparison.worse", equalTo(worse));
        given().header(TWO).post("/models/" + lr + "/activate").then().statusCode(200);
        awaitRescored(lr);
        given().get("/models/" + gbt).then().body("status", equalTo("RETIRED"));
        given().get("/risk/customers/" + last + "/score").then().body("modelVersion", startsWith("involuntary:" + lr));
        // roll back to the first model: requested and approved like any activation
        given().header(TWO).contentType(ContentType.JSON).body(Map.of("force", true, "reason", "roll back"))
                .post("/models/" + gbt + "/activation-request").then().statusCode(202);
        given().header(ONE).post("/models/" + gbt + "/activate").then().statusCode(200);
        awaitRescored(gbt);
        given().get("/risk/customers/" + last + "/score").then().body("modelVersion", startsWith("involuntary:" + gbt));
        List<String> actions = given().get("/models/audit").then().statusCode(200).extract().path("findAll { it.version == '" + gbt
                + "' }.collect { it.actor + ' ' + it.action }");
        assertTrue(actions.containsAll(List.of("analyst.one ACTIVATION_REQUESTED", "analyst.two ACTIVATION_APPROVED",
                "analyst.two ACTIVATION_REQUESTED_FORCED", "analyst.one ACTIVATION_APPROVED")), actions.toString());

        // monitoring: drift of each input against the active model's training data
        given().get("/models/monitoring/INVOLUNTARY").then().statusCode(200).body("activeModel", equalTo(gbt))
                .body("psi.dpd_latest_months", org.hamcrest.Matchers.notNullValue()).body("psiDriftAbove", equalTo(0.25f));

        // a voluntary challenger shadow-scores voluntary churn, and both scores are kept on the history
        List<Map<String, String>> voluntaryOutcomes = outcomes.stream().map(o -> Map.of("customerId", o.get("customerId"), "outcome",
                o.get("outcome").equals("CHURNED_INVOLUNTARY") ? "CHURNED_VOLUNTARY" : "RETAINED")).toList();
        String voluntary = given().contentType(ContentType.JSON).body(Map.of("algorithm", "LOGISTIC_REGRESSION",
                "churnType", "VOLUNTARY", "seed", 1, "outcomes", voluntaryOutcomes)).post("/models/train").then().statusCode(201)
                .extract().path("version");
        given().post("/models/" + voluntary + "/challenger").then().statusCode(200).body("status", equalTo("CHALLENGER"));
        awaitRescored(voluntary);
        given().get("/risk/customers/" + last + "/score").then().body("voluntaryChallengerScore", org.hamcrest.Matchers.notNullValue())
                .body("voluntaryChallengerVersion", org.hamcrest.Matchers.containsString(voluntary));
        given().get("/risk/customers/" + last).then().body("history[0].voluntaryChallenger", org.hamcrest.Matchers.notNullValue())
                .body("history[0].voluntary", org.hamcrest.Matchers.notNullValue());

        // reasons of a learned model are its own contributions, in plain words: a defaulter's come from the repayment records
        UUID defaulter = outcome.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst().orElseThrow();
        List<Map<String, Object>> reasons = given().get("/risk/customers/" + defaulter).then().extract().path("reasons");
        assertTrue(!reasons.isEmpty() && reasons.stream().allMatch(r -> FeatureVector.NAMES.contains((String) r.get("code"))
                || r.get("code").toString().contains("-")), reasons.toString());

        // what the model never saw vary (hardship calls, credit-score falls) still raises involuntary risk through the scorecard
        UUID quiet = UUID.randomUUID();
        UUID distressed = UUID.randomUUID();
        kafka.send("contact-events", quiet.toString(), contact(quiet, "GENERAL"));
        kafka.send("credit-score-events", distressed.toString(), creditScore(distressed, 740, LocalDate.of(2027, 1, 10)));
        kafka.send("credit-score-events", distressed.toString(), creditScore(distressed, 540, LocalDate.of(2027, 3, 1)));
        kafka.send("contact-events", distressed.toString(), contact(distressed, "HARDSHIP"));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/risk/customers/" + distressed).statusCode() == 200
                && given().get("/risk/customers/" + quiet).statusCode() == 200
                && given().get("/risk/customers/" + distressed).then().extract().<Integer>path("features.hardshipContacts") == 1
                && given().get("/risk/customers/" + distressed).then().extract().<Integer>path("features.creditScore") == 540);
        float quietScore = given().get("/risk/customers/" + quiet).then().extract().path("involuntaryScore");
        var profile = given().get("/risk/customers/" + distressed).then().body("modelVersion", startsWith("involuntary:" + gbt))
                .extract().jsonPath();
        assertTrue(profile.getFloat("involuntaryScore") > quietScore + 0.3f, quietScore + " vs " + profile.getFloat("involuntaryScore"));
        List<String> texts = profile.getList("reasons.text");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("reported financial hardship once")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("EQUIFAX score fell 200 points")), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.matches(".* of 0(\\b.*)?")), "no reasons from padding: " + texts);

        // retire: the scorecard scores again
        String retireKey = UUID.randomUUID().toString();
        given().header(TWO).header("Idempotency-Key", retireKey).post("/models/active/INVOLUNTARY/retire").then().statusCode(204)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        given().header(TWO).header("Idempotency-Key", retireKey).post("/models/active/INVOLUNTARY/retire").then().statusCode(204)
                .header("Idempotent-Replayed", equalTo("true"));
        // every model write records the token's user (issue 17, point 4): e2e's RecordedActorTest points here
        List<String> trail = given().get("/models/audit").then().statusCode(200).extract().path("collect { it.actor + ' ' + it.action + "
                + "' ' + it.version }");
        assertTrue(trail.containsAll(List.of("analyst.one TRAINED " + gbt, "analyst.three CHALLENGER_SET " + lr,
                "analyst.two RETIRED_ACTIVE null")), trail.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> "scorecard-v1".equals(given().get("/risk/customers/" + last + "/score")
                .then().extract().path("modelVersion")));
        given().post("/models/active/INVOLUNTARY/retire").then().statusCode(422).contentType("application/problem+json");

        // bad requests
        given().contentType(ContentType.JSON).body(Map.of("algorithm", "GRADIENT_BOOSTED_TREES", "churnType", "INVOLUNTARY",
                "outcomes", outcomes.subList(0, 10))).post("/models/train").then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("algorithm", "DEEP_MAGIC", "churnType", "INVOLUNTARY", "outcomes", outcomes))
                .post("/models/train").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post("/models/no-such-model/activation-request").then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1800, events);
    }

    private static void awaitRescored(String version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(given().get("/models/" + version).then()
                .extract().path("rescoring.finished")));
    }

    @Test
    void poisonInsideABatchIsDeadLetteredAndTheRestIsApplied() {
        UUID customer = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        kafka.send("repayment-events", customer.toString(), repayment(customer, loan, LocalDate.of(2025, 4, 1), 0, 1000, 1000));
        kafka.send("repayment-events", customer.toString(), "{\"eventId\": 42");
        kafka.send("repayment-events", customer.toString(), repayment(customer, loan, LocalDate.of(2025, 5, 1), 0, 1000, 1000)
                .replace("\"amountDue\":1000", "\"amountDue\":-5"));
        kafka.send("repayment-events", customer.toString(), repayment(customer, loan, LocalDate.of(2025, 6, 1), 30, 1000, 0));
        var dead = kafka.awaitAll("risk-service.dlq", r -> customer.toString().equals(r.key()), 2, Duration.ofSeconds(60));
        String reasons = String.join(" | ", dead.stream().map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList());
        assertTrue(reasons.contains("malformed JSON"), reasons);
        assertTrue(reasons.contains("amountDue"), reasons);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/risk/customers/" + customer).then().extract()
                .<Integer>path("features.paymentsTotal") == 2);
    }
}
