package com.lendkeep.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.TestUsers;


/**
 * What a front-end team does first: generate a client from each service's served OpenAPI document
 * with openapi-generator 7.25.0 (Java, library {@code native}, the generator's defaults apart from
 * package names), compile it untouched, and call the services through it only. The calls are in
 * {@code src/test/resources/generated-client/GeneratedClientScenario.java}, written against the
 * generated classes and compiled with them here: the first churn case from customer to APPLIED; and a customer registered, a loan booked on it (and the
 * booking retried with its Idempotency-Key) and read back with its data, and refused requests
 * surfacing as the client's ApiException with the problem. The reproduction: the first call
 * answered 406 (the document declared only problem+json), and reading a loan back gave no data.
 */
class GeneratedClientTest {

    private static final Path WORK = Path.of("target", "generated-clients");

    private static Class<?> scenario;

    /** Generates the four clients from the served documents and compiles them with the scenario, once for both tests. */
    private static synchronized Class<?> scenario() throws Exception {
        if (scenario != null) {
            return scenario;
        }
        ServiceProcesses services = E2eStack.services();
        deleteRecursively(WORK);
        List<Path> sources = new ArrayList<>();
        Map<String, Process> generators = new LinkedHashMap<>();
        for (String service : ServiceProcesses.SERVICES) {
            Path dir = WORK.resolve(service);
            Path document = OpenApiGenerator.saveDocument(services.url(service), dir.resolve("openapi.json"));
            generators.put(service, generate(document, dir.resolve("client"), "com.lendkeep.client." + service.replace("-service", "")));
        }
        for (var run : generators.entrySet()) {
            Path dir = WORK.resolve(run.getKey());
            assertTrue(run.getValue().waitFor(5, TimeUnit.MINUTES), "openapi-generator finished for " + run.getKey());
            assertEquals(0, run.getValue().exitValue(), "openapi-generator failed for " + run.getKey() + ", see " + dir.resolve("generator.log"));
            try (Stream<Path> files = Files.walk(dir.resolve("client/src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        Path source = WORK.resolve("scenario/GeneratedClientScenario.java");
        Files.createDirectories(source.getParent());
        try (var in = GeneratedClientTest.class.getResourceAsStream("/generated-client/GeneratedClientScenario.java")) {
            Files.write(source, in.readAllBytes());
        }
        sources.add(source);
        Path classes = WORK.resolve("classes");
        compile(sources, classes);
        // left open for the JVM's life: the scenario's classes are loaded from it as the tests run
        URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, GeneratedClientTest.class.getClassLoader());
        scenario = loader.loadClass("com.lendkeep.e2e.client.GeneratedClientScenario");
        return scenario;
    }

    private static Map<String, String> urls() throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : ServiceProcesses.SERVICES) {
            urls.put(service, E2eStack.services().url(service));
        }
        return urls;
    }

    @Test
    void clientsGeneratedFromTheDocumentsCompileAndWorkUntouched() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) scenario().getMethod("run", Map.class, String.class)
                .invoke(null, urls(), TestUsers.as("client.e2e").getValue());
        System.out.println("generated clients: " + seen);
        assertEquals(seen.get("loanId"), seen.get("loanReadBackId"), "the loan read back through the client is the one booked");
        assertEquals(seen.get("loanId"), seen.get("loanRetriedId"), "a retry with the same Idempotency-Key books nothing new");
        assertEquals("12000.00", seen.get("loanReadBackPrincipal"), "the loan's data, not an empty object");
        assertEquals(12, seen.get("loanReadBackInstallments"));
        assertEquals(seen.get("customerId"), seen.get("loanReadBackCustomerId"));
        assertEquals(404, seen.get("problemStatus"), "a refused request is the client's ApiException with the status");
        assertTrue(String.valueOf(seen.get("problemBody")).contains("\"detail\""), "with the problem body: " + seen.get("problemBody"));
        assertEquals("application/problem+json", seen.get("problemContentType"));
        assertEquals(400, seen.get("badInputStatus"));
        assertTrue(String.valueOf(seen.get("badInputBody")).contains("principal"), "the problem names the field: " + seen.get("badInputBody"));
    }

    /** The "done when": the demo's first churn case driven through the generated clients only. */
    @Test
    void theFirstChurnCaseRunsThroughTheGeneratedClientsOnly() throws Exception {
        Map<String, String> bearers = Map.of("system", TestUsers.as("client.e2e").getValue(),
                "manager", TestUsers.as("client.manager", "retention-manager").getValue(),
                "advisor", TestUsers.as("client.advisor", "advisor").getValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) scenario().getMethod("churnCase", Map.class, Map.class)
                .invoke(null, urls(), bearers);
        System.out.println("churn case through generated clients: " + seen);
        assertEquals(2, seen.get("installmentsFallenDue"), "two installments fell due by the new business date");
        assertTrue((Integer) seen.get("missedPayments") >= 2, "close of business found at least this loan's two unpaid installments");
        assertEquals(seen.get("daysSinceFirstDueDate"), seen.get("daysPastDueAfterClose"), "in arrears since its first due date");
        assertEquals("OPEN", seen.get("alertStatus"));
        assertEquals("INVOLUNTARY", seen.get("alertChurnType"));
        assertEquals(seen.get("loanId"), seen.get("alertLoanId"));
        assertEquals("PROPOSED", seen.get("proposedStatus"));
        assertEquals(seen.get("loanId"), seen.get("proposedLoanId"));
        assertEquals("ACCEPTED", seen.get("acceptedStatus"));
        assertEquals("APPLIED", seen.get("appliedStatus"));
        assertEquals(List.of("PROPOSED", "APPROVED", "OFFERED", "ACCEPTED", "APPLIED"), seen.get("history"));
        assertEquals(2, seen.get("scheduleVersionAfter"), "loan-service applied the extension");
        assertEquals(0, seen.get("daysPastDueAfter"));
        int months = (Integer) seen.get("extensionMonths");
        @SuppressWarnings("unchecked")
        List<String> before = (List<String>) seen.get("dueDatesBefore");
        @SuppressWarnings("unchecked")
        List<String> after = (List<String>) seen.get("dueDatesAfter");
        for (int i = 0; i < before.size(); i++) {
            assertEquals(java.time.LocalDate.parse(before.get(i)).plusMonths(months).toString(), after.get(i), "installment " + (i + 1));
        }
    }

    private static Process generate(Path document, Path out, String basePackage) throws IOException {
        return OpenApiGenerator.start(document, "java", out, out.getParent().resolve("generator.log"), "--library", "native",
                "--api-package", basePackage + ".api", "--model-package", basePackage + ".model", "--invoker-package", basePackage,
                "--additional-properties", "useJakartaEe=true,hideGenerationTimestamp=true");
    }

    private static void compile(List<Path> sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                // surefire runs the tests from a manifest-only jar; it names the real test classpath here
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-proc:none", "-nowarn", "-encoding", "UTF-8"));
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(String[]::new));
        assertEquals(0, status, "the generated clients and the scenario compile:\n" + messages.toString(StandardCharsets.UTF_8));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
