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
     * Books a loan as the default test user and returns loan-service's answer (201).
     */
    static io.restassured.response.Response bookLoan(String loansUrl, Map<String, Object> loan) {
        return onceCustomerKnown(() -> io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(loan).post(loansUrl + "/loans"));
    }

    /**
     * Sends a loan-service write about a customer just registered: loan-service learns a new customer
     * from customer-events a moment after customer-service answered, and until then refuses with 422
     * naming customerId. This sends again until that moment is over and returns the first other answer.
     */
    static io.restassured.response.Response onceCustomerKnown(java.util.function.Supplier<io.restassured.response.Response> write) {
        io.restassured.response.Response[] answer = new io.restassured.response.Response[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    answer[0] = write.get();
                    return !(answer[0].statusCode() == 422 && answer[0].asString().contains("customerId"));
                });
        return answer[0];
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
