package com.lendkeep.customer.performance;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Lists 100,000 customers page by page through the REST API and measures the latency of pages at
 * the start, middle and end of the list, with and without filters, by offset and by keyset; checks
 * that PostgreSQL reads them through indexes. Not part of the default build (it inserts 100,000
 * rows and takes about a minute): run it with
 * {@code ./mvnw -pl customer-service verify -DexcludedGroups= -Dgroups=performance}.
 * Figures go to the console and to target/listing-performance.txt.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
@Tag("performance")
class CustomerListingPerformanceTest {

    private static final int CUSTOMERS = 100_000;
    private static final int REPEATS = 11;
    /** A guard against a lost index, not a target: the machine that runs it may be shared and loaded. */
    private static final double MAX_MEDIAN_MS = 1000;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void removeTheRows() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM customer WHERE external_ref LIKE 'PERF-%'").executeUpdate());
    }

    @Test
    void listing100000CustomersPageByPageStaysFast() throws IOException {
        insertCustomers();

        // offset paging, 50 a page: first, middle and last page
        measure("offset, no filter, page 0 (size 50)", "size=50&page=0");
        measure("offset, no filter, page 100 (offset 5,000)", "size=50&page=100");
        measure("offset, no filter, page 200 (offset 10,000, the limit)", "size=50&page=200");
        given().get("/customers?size=50&page=201").then().statusCode(400);
        // keyset paging: the same positions, reached by the id of the row before them
        measure("keyset, no filter, start", "size=50");
        measure("keyset, no filter, middle", "size=50&after=" + idAt("created_at", null, CUSTOMERS / 2));
        measure("keyset, no filter, end", "size=50&after=" + idAt("created_at", null, CUSTOMERS - 50));
        // filters: tier GOLD (5%), a relationship manager (2%), industry + stage, sorted by name
        measure("offset, tier=GOLD, page 0", "tier=GOLD&size=50");
        measure("offset, tier=GOLD, last page (99)", "tier=GOLD&size=50&page=99");
        measure("keyset, tier=GOLD, end", "tier=GOLD&size=50&after=" + idAt("created_at", "tier = 'GOLD'", 4_950));
        measure("offset, relationshipManager, page 0", "relationshipManager=rm.perf7&size=50");
        measure("keyset, relationshipManager, end", "relationshipManager=rm.perf7&size=50&after="
                + idAt("created_at", "relationship_manager = 'rm.perf7'", 1_950));
        measure("offset, industry+stage+grade, page 0", "industry=ENERGY&stage=MATURE&grade=A&size=50");
        measure("keyset, sort=fullName, start", "sort=fullName&size=50");
        measure("keyset, sort=fullName, middle", "sort=fullName&size=50&after=" + idAt("full_name", null, CUSTOMERS / 2));
        measure("keyset, sort=fullName,desc, end", "sort=fullName,desc&size=50&after=" + idAt("full_name DESC", null, CUSTOMERS - 50));
        measure("keyset, tier=SILVER sort=relationshipSince, middle", "tier=SILVER&sort=relationshipSince&size=50&after="
                + idAt("relationship_since", "tier = 'SILVER'", 7_500));
        measure("offset, no filter, page 0 (size 500)", "size=500");

        long walk = System.nanoTime();
        int pages = 0;
        int rows = 0;
        String after = null;
        do {
            JsonPath page = given().get("/customers?relationshipManager=rm.perf3&size=500" + (after == null ? "" : "&after=" + after))
                    .then().statusCode(200).extract().jsonPath();
            rows += page.getList("items").size();
            after = page.get("nextAfter");
            pages++;
        } while (after != null);
        report.add(String.format(Locale.ROOT, "%-55s %8.1f ms total, %d pages, %d customers", "keyset walk of one manager's book (size 500)",
                (System.nanoTime() - walk) / 1e6, pages, rows));
        assertEquals(2_000, rows);

        assertIndexed("SELECT c.* FROM customer c ORDER BY c.created_at ASC, c.id ASC LIMIT 51 OFFSET 0");
        assertIndexed("SELECT c.* FROM customer c WHERE c.tier = 'GOLD' ORDER BY c.created_at ASC, c.id ASC LIMIT 51 OFFSET 4900");
        assertIndexed("SELECT c.* FROM customer c WHERE c.industry = 'ENERGY' AND c.lifecycle_stage = 'MATURE' AND c.grade = 'A' "
                + "ORDER BY c.created_at ASC, c.id ASC LIMIT 51");
        assertIndexed("SELECT c.* FROM customer c WHERE (c.full_name, c.id) > (SELECT a.full_name, a.id FROM customer a "
                + "WHERE a.id = '" + idAt("full_name", null, CUSTOMERS / 2) + "') ORDER BY c.full_name ASC, c.id ASC LIMIT 51");
        assertIndexed("SELECT count(*) FROM customer c WHERE c.relationship_manager = 'rm.perf7'");

        sqlTime("count(*), no filter", "SELECT count(*) FROM customer c");
        sqlTime("count(*), tier=GOLD", "SELECT count(*) FROM customer c WHERE c.tier = 'GOLD'");
        sqlTime("page 0, no filter", "SELECT c.* FROM customer c ORDER BY c.created_at ASC, c.id ASC LIMIT 51 OFFSET 0");
        sqlTime("page 200 by offset (offset 10,000), no filter", "SELECT c.* FROM customer c ORDER BY c.created_at ASC, c.id ASC LIMIT 51 OFFSET 10000");
        sqlTime("last page by offset (not allowed by the API)", "SELECT c.* FROM customer c ORDER BY c.created_at ASC, c.id ASC LIMIT 51 OFFSET 99950");
        sqlTime("last page by keyset, no filter", "SELECT c.* FROM customer c WHERE (c.created_at, c.id) > (SELECT a.created_at, a.id "
                + "FROM customer a WHERE a.id = '" + idAt("created_at", null, CUSTOMERS - 50) + "') ORDER BY c.created_at, c.id LIMIT 51");

        Path loadavg = Path.of("/proc/loadavg");
        report.add(0, "load average at the end (1, 5, 15 min): " + (Files.exists(loadavg) ? Files.readString(loadavg).strip() : "n/a")
                + "; cores: " + Runtime.getRuntime().availableProcessors());
        String table = String.join("\n", report);
        System.out.println("\n100,000-customer listing (median of " + REPEATS + " requests, HTTP round trip incl. total count):\n" + table);
        Files.writeString(Path.of("target", "listing-performance.txt"), table + "\n");
        assertEquals(List.of(), failures);
    }

    private void measure(String label, String query) {
        double[] ms = new double[REPEATS];
        given().get("/customers?" + query).then().statusCode(200); // warm-up
        int items = 0;
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            String body = given().get("/customers?" + query).then().statusCode(200).extract().asString();
            ms[i] = (System.nanoTime() - start) / 1e6;
            items = new JsonPath(body).getList("items").size();
        }
        Arrays.sort(ms);
        double median = ms[REPEATS / 2];
        report.add(String.format(Locale.ROOT, "%-55s %8.1f ms median, %6.1f ms max, %d items", label, median, ms[REPEATS - 1], items));
        if (items == 0 || median >= MAX_MEDIAN_MS) {
            failures.add(label + ": " + items + " items, median " + median + " ms");
        }
    }

    /** Server-side execution time of one statement, as PostgreSQL measures it. */
    @SuppressWarnings("unchecked")
    private void sqlTime(String label, String sql) {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("EXPLAIN ANALYZE " + sql).getResultList());
        report.add(String.format(Locale.ROOT, "%-55s %s", "SQL " + label, plan.stream().filter(l -> l.startsWith("Execution Time"))
                .findFirst().orElse("?")));
    }

    /** The id of the row at {@code position} (0-based) in the given order: the "after" of the page that starts next. */
    private String idAt(String order, String where, int position) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT id FROM customer"
                + (where == null ? "" : " WHERE " + where) + " ORDER BY " + order + ", id" + (order.endsWith("DESC") ? " DESC" : "")
                + " OFFSET " + position + " LIMIT 1").getSingleResult().toString());
    }

    @SuppressWarnings("unchecked")
    private void assertIndexed(String sql) {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("EXPLAIN " + sql).getResultList());
        String text = String.join("\n", plan);
        report.add("plan of " + sql.substring(0, Math.min(80, sql.length())) + "...: "
                + plan.stream().filter(l -> l.contains("Index")).findFirst().orElse("?").strip());
        assertFalse(text.contains("Seq Scan on customer"), sql + "\n" + text);
    }

    /** 100,000 rows in one statement, with realistic derived values and the stored assessment of a real customer. */
    private void insertCustomers() {
        String sample = register(customer());
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            String assessment = (String) em.createNativeQuery("SELECT assessment FROM customer WHERE id = ?1")
                    .setParameter(1, UUID.fromString(sample)).getSingleResult();
            em.createNativeQuery("""
                    INSERT INTO customer (id, external_ref, customer_type, full_name, national_id, industry, annual_income,
                        relationship_since, relationship_manager, created_at, updated_at, version,
                        tier, grade, relationship_depth, lifecycle_stage, assessment, assessed_at)
                    SELECT gen_random_uuid(), 'PERF-' || i, (ARRAY['INDIVIDUAL','SME','CORPORATE'])[1 + i % 3],
                        (ARRAY['Ana','Bruno','Carla','Dario','Elena','Fabio','Greta','Hugo'])[1 + i % 8] || ' Perf' || md5(i::text),
                        'PERF' || i, (ARRAY['ENERGY','RETAIL','HEALTHCARE','REAL_ESTATE','TECHNOLOGY'])[1 + i % 5], 40000 + i % 90000,
                        DATE '2026-01-01' - (i % 7000), 'rm.perf' || (i % 50),
                        now() - make_interval(secs => ?1 - i), now() - make_interval(secs => ?1 - i), 0,
                        CASE WHEN i % 20 = 0 THEN 'GOLD' WHEN i % 20 < 4 THEN 'SILVER' ELSE 'STANDARD' END,
                        (ARRAY['A','B','C'])[1 + i % 3], (ARRAY['DEEP','MODERATE','SHALLOW'])[1 + i % 3],
                        (ARRAY['INITIAL','GROWTH','MATURE','DECLINE'])[1 + i % 4], ?2, now()
                    FROM generate_series(1, ?1) AS i
                    """).setParameter(1, CUSTOMERS).setParameter(2, assessment).executeUpdate();
        });
        // what autovacuum does in production: statistics, and a visibility map for index-only counts
        try (Connection c = dataSource.getConnection(); Statement vacuum = c.createStatement()) {
            c.setAutoCommit(true);
            vacuum.execute("VACUUM ANALYZE customer");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        report.add(String.format(Locale.ROOT, "%-55s %8.1f ms", "insert of 100,000 customers (one statement) + VACUUM ANALYZE",
                (System.nanoTime() - start) / 1e6));
    }
}
