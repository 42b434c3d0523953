package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.customer.TestSupport;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.customer.service.CustomerReadCache;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.RealInfraTestResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * GET /customers/{id} is answered from memory (CustomerReadCache) with exactly what the database
 * gives, and never after a change: not after this instance's own writes (REST, events), not after a
 * change by hand (as another instance would make it: PostgreSQL's notification), and not while the
 * change listener is disconnected.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CustomerReadCacheTest {

    private static KafkaTestClient kafka;

    @Inject
    CustomerReadCache cache;

    @Inject
    EntityManager em;

    @Inject
    CustomerRepository customers;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient(RealInfraTestResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static Response read(String id) {
        return given().get("/customers/" + id).then().statusCode(200).extract().response();
    }

    /**
     * Reads until the answer is kept: a read that coincides with a change of another customer of the
     * same stripe (events of other tests) keeps nothing, by design.
     */
    private Response readIntoCache(String id) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            last[0] = read(id);
            return cache.contains(UUID.fromString(id));
        });
        return last[0];
    }

    private void awaitListening() {
        await().atMost(Duration.ofSeconds(20)).until(cache::active);
    }

    private void updateByHand(String id, String fullName) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE customer SET full_name = ?1 WHERE id = ?2")
                .setParameter(1, fullName).setParameter(2, UUID.fromString(id)).executeUpdate());
    }

    @Test
    void theCachedAnswerIsTheDatabaseAnswer() {
        awaitListening();
        String id = register(customer());
        assertFalse(cache.contains(UUID.fromString(id)), "registering does not fill the cache");
        Response fromDatabase = readIntoCache(id);
        Response fromCache = read(id);
        assertEquals(fromDatabase.asString(), fromCache.asString());
        assertEquals("\"0\"", fromCache.header("ETag"));
        assertEquals(fromDatabase.header("ETag"), fromCache.header("ETag"));
        assertEquals("application/json;charset=UTF-8", fromCache.header("Content-Type"));
        assertEquals(fromDatabase.header("Content-Type"), fromCache.header("Content-Type"));
        assertEquals(fromDatabase.header("Content-Length"), fromCache.header("Content-Length"));
        assertEquals(id, fromCache.path("id"));
        assertEquals("Ana Lopez", fromCache.path("fullName"));
        assertEquals("STANDARD", fromCache.path("tier.value"));
    }

    /** lendkeep_customer_read_cache_requests_total: a read kept is a miss, the next one a hit (docs/operations.md). */
    @Test
    void readsAreCountedAsHitsAndMisses() {
        String id = register(customer());
        awaitListening();
        double missesBefore = cacheRequests("miss");
        readIntoCache(id);
        assertTrue(cacheRequests("miss") > missesBefore, "the read that loaded the entry is a miss");
        double hitsBefore = cacheRequests("hit");
        read(id);
        assertEquals(hitsBefore + 1, cacheRequests("hit"));
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("lendkeep_customer_read_cache_requests_total{result=\"hit\"}"), "served at /q/metrics");
    }

    private double cacheRequests(String result) {
        return registry.get("lendkeep.customer.read.cache.requests").tag("result", result).counter().count();
    }

    @Test
    void aNotFoundIsNotCached() {
        awaitListening();
        UUID unknown = UUID.randomUUID();
        given().get("/customers/" + unknown).then().statusCode(404).contentType("application/problem+json");
        assertFalse(cache.contains(unknown));
        given().get("/customers/" + unknown).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("customer " + unknown + " does not exist"));
    }

    @Test
    void anUpdateIsReadBackAtOnce() {
        awaitListening();
        String id = register(customer());
        // the writer's own next read never sees the previous answer: the entry is dropped before the PUT answers
        for (int version = 0; version < 10; version++) {
            readIntoCache(id);
            Map<String, Object> body = customer();
            body.put("fullName", "Ana Lopez " + version);
            body.put("industry", version % 2 == 0 ? "energy" : "healthcare");
            given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body).put("/customers/" + id)
                    .then().statusCode(200);
            Response after = read(id);
            assertEquals("Ana Lopez " + version, after.path("fullName"));
            assertEquals("\"" + (version + 1) + "\"", after.header("ETag"));
            assertEquals(version + 1, (int) after.path("version"));
            assertEquals(version % 2 == 0 ? "VOLATILE" : "STABLE", after.path("industryVolatility"));
        }
    }

    @Test
    void aChangeHereDropsTheEntryWhenItsTransactionEnds() {
        awaitListening();
        String id = register(customer());
        readIntoCache(id);
        // every change takes the row lock first; a lock alone writes nothing, so PostgreSQL reports nothing:
        // only this instance's own eviction at the end of the transaction can drop the entry, and at once
        QuarkusTransaction.requiringNew().run(() -> customers.lock(UUID.fromString(id)).orElseThrow());
        assertFalse(cache.contains(UUID.fromString(id)));
    }

    @Test
    void anEventThatReassessesIsSeenOnTheNextRead() {
        awaitListening();
        String id = register(customer());
        assertEquals("STANDARD", readIntoCache(id).path("tier.value"));
        kafka.send("loan-events", id, TestSupport.loanOpened(id, UUID.randomUUID(), "3000000.00", "0.06", 60, "2026-11-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("GOLD", read(id).path("tier.value")));
        assertEquals("\"0\"", read(id).header("ETag"), "derived values do not move the profile's version");
    }

    @Test
    void aChangeByHandIsReportedByPostgreSql() {
        awaitListening();
        String id = register(customer());
        readIntoCache(id);
        // not through this service's code: only the trigger's notification can drop the entry
        updateByHand(id, "Changed Elsewhere");
        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.contains(UUID.fromString(id)));
        given().get("/customers/" + id).then().statusCode(200).body("fullName", equalTo("Changed Elsewhere"));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM customer WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.contains(UUID.fromString(id)));
        given().get("/customers/" + id).then().statusCode(404);
    }

    @Test
    void erasureIsReadBackAtOnce() {
        awaitListening();
        String id = register(customer());
        assertEquals("Ana Lopez", readIntoCache(id).path("fullName"));
        given().contentType(ContentType.JSON).body(Map.of("requestReference", "DSR-CACHE-1")).post("/customers/" + id + "/erasure")
                .then().statusCode(200);
        Response after = read(id);
        assertEquals("Erased customer " + id.substring(0, 8), after.path("fullName"));
        assertEquals(Boolean.TRUE, after.path("erased"));
        assertNull(after.path("email"));
    }

    @Test
    void withoutItsListenerTheCacheDoesNotAnswer() {
        awaitListening();
        String id = register(customer());
        readIntoCache(id);

        // the listener's connection dies: changes could go unreported, so the cache empties and stops answering
        int terminated = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'customer-service change listener'")
                .getSingleResult()).intValue());
        assertEquals(1, terminated);
        await().atMost(Duration.ofSeconds(20)).until(() -> !cache.active() && !cache.contains(UUID.fromString(id)));
        // meanwhile reads go to the database
        updateByHand(id, "Changed While Disconnected");
        given().get("/customers/" + id).then().statusCode(200).body("fullName", equalTo("Changed While Disconnected"));

        // it reconnects by itself, and the cache answers again
        awaitListening();
        assertEquals("Changed While Disconnected", readIntoCache(id).path("fullName"));
        updateByHand(id, "Changed After Reconnect");
        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.contains(UUID.fromString(id)));
        given().get("/customers/" + id).then().statusCode(200).body("fullName", equalTo("Changed After Reconnect"));
    }
}
