package com.lendkeep.e2e;

import java.nio.file.Path;
import java.util.Map;

import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.SharedTestInfra;
import com.lendkeep.infra.TestUsers;

/**
 * The four packaged services, each its own process, on the test JVM's real Kafka and PostgreSQL;
 * started once for all end-to-end test classes and stopped when the JVM exits.
 */
final class E2eStack {

    private static ServiceProcesses services;
    private static Exception failedToStart;

    private E2eStack() {
    }

    /**
     * Books a loan as the default test user and returns loan-service's answer (201). loan-service learns
     * a new customer from customer-events a moment after customer-service answered: until then it
     * refuses the booking with 422 naming customerId, and this waits that moment out.
     */
    static io.restassured.response.Response bookLoan(String loansUrl, Map<String, Object> loan) {
        io.restassured.response.Response[] booked = new io.restassured.response.Response[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    io.restassured.response.Response r = io.restassured.RestAssured.given()
                            .contentType(io.restassured.http.ContentType.JSON).body(loan).post(loansUrl + "/loans");
                    booked[0] = r;
                    return !(r.statusCode() == 422 && r.asString().contains("customerId"));
                });
        return booked[0];
    }

    static synchronized ServiceProcesses services() throws Exception {
        if (failedToStart != null) {
            throw new IllegalStateException("the services did not start (see the first failure)", failedToStart);
        }
        if (services == null) {
            Path root = Path.of(System.getProperty("lendkeep.repo.root", "..")).toAbsolutePath().normalize();
            ServiceProcesses started = new ServiceProcesses(root.resolve("e2e-tests/target/e2e-logs"));
            try {
                // no control group here: the churn case's customer must be treated; JSON logs, as operators run it
                started.start(root, SharedTestInfra.postgresPort(), SharedTestInfra.bootstrapServers(), SharedTestInfra.jwt(),
                        Map.of("CONTROL_GROUP_SHARE", "0", "LOG_JSON", "true"));
            } catch (Exception | Error e) {
                started.close(); // no half-started processes left behind for the next class to compete with
                failedToStart = e instanceof Exception ex ? ex : new IllegalStateException(e);
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            TestUsers.installDefault();
            services = started;
        }
        return services;
    }
}
