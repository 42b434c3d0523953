package com.lendkeep.customer.rest;

import static com.lendkeep.customer.TestSupport.customer;
import static com.lendkeep.customer.TestSupport.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lendkeep.customer.TestSupport;
import com.lendkeep.infra.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Filters, whitelisted sorting, offset and keyset paging, and bad list parameters. */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CustomerListTest {

    /** A relationship manager of this test only: filtering by it isolates this test's customers. */
    private static final String RM = TestSupport.unique("rm.list");
    private static final List<String> NAMES = List.of("Carla Diaz", "Bruno Alves", "Elena Ruiz", "Ana Costa", "Dario Neri");
    private static final List<String> IDS = new ArrayList<>();

    /** Once, in the first test: RestAssured knows the test port only while a test runs. */
    @BeforeEach
    void customers() {
        if (!IDS.isEmpty()) {
            return;
        }
        for (int i = 0; i < NAMES.size(); i++) {
            Map<String, Object> body = customer();
            body.put("fullName", NAMES.get(i));
            body.put("relationshipManager", RM);
            body.put("industry", i % 2 == 0 ? "ENERGY" : "RETAIL");
            body.put("type", i == 4 ? "CORPORATE" : "SME");
            IDS.add(register(body));
        }
    }

    private static JsonPath page(String query) {
        return given().get("/customers?relationshipManager=" + RM + "&" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void offsetPagesInCreationOrderWithTotal() {
        JsonPath first = page("size=2&page=0");
        assertEquals(5, first.getLong("total"));
        assertEquals(IDS.subList(0, 2), first.getList("items.id"));
        assertEquals(IDS.subList(2, 4), page("size=2&page=1").getList("items.id"));
        JsonPath last = page("size=2&page=2");
        assertEquals(IDS.subList(4, 5), last.getList("items.id"));
        assertNull(last.get("nextAfter"));
    }

    @Test
    void keysetPagesCoverEveryCustomerOnceInEverySortOrder() {
        for (String sort : new String[] { "createdAt", "createdAt,desc", "fullName", "fullName,desc", "relationshipSince", "updatedAt,asc" }) {
            List<String> seen = new ArrayList<>();
            String after = null;
            do {
                JsonPath page = page("size=2&sort=" + sort + (after == null ? "" : "&after=" + after));
                seen.addAll(page.getList("items.id"));
                after = page.get("nextAfter");
            } while (after != null);
            assertEquals(5, seen.size(), sort + ": " + seen);
            assertEquals(5, seen.stream().distinct().count(), sort + ": " + seen);
            if (sort.startsWith("createdAt")) {
                List<String> expected = new ArrayList<>(IDS);
                if (sort.endsWith("desc")) {
                    expected.sort(Comparator.comparingInt(IDS::indexOf).reversed());
                }
                assertEquals(expected, seen, sort);
            }
        }
        assertEquals(List.of("Ana Costa", "Bruno Alves", "Carla Diaz", "Dario Neri", "Elena Ruiz"), page("size=5&sort=fullName").getList("items.fullName"));
        assertEquals(List.of("Elena Ruiz", "Dario Neri", "Carla Diaz", "Bruno Alves", "Ana Costa"),
                page("size=5&sort=fullName,desc").getList("items.fullName"));
    }

    @Test
    void filtersCombine() {
        assertEquals(3, page("industry=energy").getLong("total"));
        assertEquals(2, page("industry=RETAIL&type=SME").getLong("total"));
        assertEquals(1, page("type=CORPORATE").getLong("total"));
        // every one of them: no score (C, one further step cannot go below), no loan (INITIAL), STANDARD
        JsonPath standard = page("tier=STANDARD&grade=C&stage=INITIAL");
        assertEquals(5, standard.getLong("total"));
        // a list line has the derived values, and no contact details or national id
        assertEquals("STANDARD", standard.getString("items[0].tier"));
        assertEquals("C", standard.getString("items[0].grade"));
        assertEquals("INITIAL", standard.getString("items[0].lifecycleStage"));
        assertEquals(RM, standard.getString("items[0].relationshipManager"));
        assertNull(standard.get("items[0].nationalId"));
        assertNull(standard.get("items[0].email"));
        assertEquals(0, page("tier=GOLD").getLong("total"));
        assertEquals(0, page("stage=MATURE").getLong("total"));
        assertEquals(5, page("depth=moderate").getLong("total"), "since 2020-01-15: tenure of 5 years or more is 2 points, nothing else");
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        bad("sort=nationalId", "sort", "createdAt, updatedAt, relationshipSince, fullName");
        bad("sort=fullName,sideways", "sort", "asc");
        bad("size=0", "size", "from 1 to 500");
        bad("size=501", "size", "from 1 to 500");
        bad("size=ten", "size", "integer");
        bad("page=-1", "page", "from 0");
        bad("tier=PLATINUM", "tier", "GOLD");
        bad("grade=Z", "grade", "A");
        bad("stage=TEEN", "stage", "INITIAL");
        bad("type=ALIEN", "type", "INDIVIDUAL");
        bad("after=not-a-uuid", "after", "UUID");
        bad("after=00000000-0000-4000-8000-000000000000", "after", "nextAfter");
        bad("page=1&after=" + IDS.get(0), "page", "either page or after");
        bad("page=201&size=50", "page", "first 10000 customers");
        given().get("/customers?relationshipManager=" + RM + "&page=200&size=50").then().statusCode(200);
        bad("relationshipManager=" + "x".repeat(65), "relationshipManager", "at most 64");
    }

    @Test
    void emptyResultIsAnEmptyPage() {
        given().get("/customers?relationshipManager=nobody.at.all").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0)).body("nextAfter", nullValue());
    }

    private static void bad(String query, String field, String detail) {
        given().get("/customers?" + query).then().log().ifValidationFails()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)).body("detail", containsString(detail));
    }
}
