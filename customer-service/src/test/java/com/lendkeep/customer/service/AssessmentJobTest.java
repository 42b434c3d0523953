package com.lendkeep.customer.service;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Time moves derived values without any event: the daily job re-assesses, without touching the profile's version. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class AssessmentJobTest {

    @Inject
    AssessmentJob job;

    @Inject
    EntityManager em;

    @Test
    void customersAssessedForAnEarlierDateAreReassessed() {
        Map<String, Object> body = customer();
        body.put("relationshipSince", LocalDate.now().toString());
        String id = register(body);
        given().get("/customers/" + id).then().body("relationshipDepth.value", equalTo("SHALLOW")).body("version", equalTo(0));

        // as if the last assessment was two days ago, and six years of tenure had passed since
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE customer SET relationship_since = ?1, "
                + "assessed_on = assessed_on - 2 WHERE id = ?2")
                .setParameter(1, LocalDate.now().minusYears(6)).setParameter(2, UUID.fromString(id)).executeUpdate());

        assertTrue(job.reassessStale() >= 1);
        given().get("/customers/" + id).then().statusCode(200)
                .body("relationshipDepth.value", equalTo("MODERATE"))
                .body("relationshipDepth.reasons", hasItem("tenure 6 years >= 5: +2"))
                .body("assessedAsOf", equalTo(com.lendkeep.customer.TestSupport.today().toString()))
                .body("version", equalTo(0));
        // assessed for the date in force: not picked again
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM customer WHERE id = ?1 AND assessed_on = ?2")
                .setParameter(1, UUID.fromString(id)).setParameter(2, com.lendkeep.customer.TestSupport.today()).getSingleResult()).intValue()) == 1);
    }
}
