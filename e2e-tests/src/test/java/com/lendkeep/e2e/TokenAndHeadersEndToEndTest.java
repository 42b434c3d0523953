package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.SharedTestInfra;
import com.lendkeep.infra.TestUsers;

import io.restassured.response.ValidatableResponse;

/**
 * Tokens must name the services' audience and live at most 12 hours (docs/security.md); every
 * response carries the security headers; a browser may read ETag, Location and the replay header.
 */
class TokenAndHeadersEndToEndTest {

    private static ServiceProcesses services;

    @BeforeAll
    static void start() throws Exception {
        services = E2eStack.services();
    }

    private static final Map<String, String> READS = Map.of("customer-service", "/customers", "loan-service", "/portfolio",
            "risk-service", "/alerts", "retention-service", "/cases");

    private static ValidatableResponse readWith(String service, String token) {
        return given().header("Authorization", "Bearer " + token).get(services.url(service) + READS.get(service)).then();
    }

    @Test
    void aTokenForAnotherAudienceOrWithoutOneIsRefused() {
        for (String service : ServiceProcesses.SERVICES) {
            readWith(service, SharedTestInfra.jwt().token("aud.tester", TestUsers.ALL_ROLES, Duration.ofMinutes(10), "another-app"))
                    .statusCode(401).contentType(startsWith("application/problem+json"));
            readWith(service, SharedTestInfra.jwt().token("aud.tester", TestUsers.ALL_ROLES, Duration.ofMinutes(10), null))
                    .statusCode(401).contentType(startsWith("application/problem+json"));
            readWith(service, SharedTestInfra.jwt().token("aud.tester", TestUsers.ALL_ROLES, Duration.ofMinutes(10)))
                    .statusCode(200);
        }
    }

    @Test
    void aTokenValidForTenYearsIsRefusedOneForTwelveHoursIsNot() {
        for (String service : ServiceProcesses.SERVICES) {
            readWith(service, SharedTestInfra.jwt().token("long.lived", TestUsers.ALL_ROLES, Duration.ofDays(3650)))
                    .statusCode(401).contentType(startsWith("application/problem+json"));
            readWith(service, SharedTestInfra.jwt().token("long.lived", TestUsers.ALL_ROLES, Duration.ofHours(13)))
                    .statusCode(401);
            readWith(service, SharedTestInfra.jwt().token("day.shift", TestUsers.ALL_ROLES, Duration.ofHours(12)))
                    .statusCode(200);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String service : ServiceProcesses.SERVICES) {
            for (ValidatableResponse response : List.of(
                    readWith(service, SharedTestInfra.jwt().token("h.tester", TestUsers.ALL_ROLES, Duration.ofMinutes(5))),
                    given().header("Authorization", "Bearer nonsense").get(services.url(service) + READS.get(service)).then())) {
                response.header("X-Content-Type-Options", equalTo("nosniff"))
                        .header("X-Frame-Options", equalTo("DENY"))
                        .header("Cache-Control", equalTo("no-store"));
            }
        }
    }

    @Test
    void corsLetsABrowserReadEtagLocationAndTheReplayHeader() {
        for (String service : ServiceProcesses.SERVICES) {
            given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                    .options(services.url(service) + READS.get(service)).then()
                    .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
            given().header("Origin", "http://localhost:3000")
                    .header("Authorization", "Bearer " + SharedTestInfra.jwt().token("cors.tester", TestUsers.ALL_ROLES, Duration.ofMinutes(5)))
                    .get(services.url(service) + READS.get(service)).then().statusCode(200)
                    .header("Access-Control-Expose-Headers", containsString("ETag"))
                    .header("Access-Control-Expose-Headers", containsString("Location"))
                    .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"));
        }
    }
}
