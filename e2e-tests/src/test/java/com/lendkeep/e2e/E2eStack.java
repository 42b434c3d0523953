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
