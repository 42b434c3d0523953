package com.lendkeep.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.infra.ServiceProcesses;
import com.lendkeep.infra.TestUsers;


/**
 * The browser team's client: openapi-generator 7.25.0 {@code typescript-fetch} from each served
 * document, untouched, type-checked by TypeScript 5.9 with {@code --strict}, and a first scenario run
 * through it with node (customer registered, loan booked and read back, a 404 as the client's
 * ResponseError with problem+json). Where node and npm are not installed (CI's bare JDK machine) it is
 * skipped, saying so; the issue asks for it where npm is available.
 */
class GeneratedTypeScriptClientTest {

    private static final Path WORK = Path.of("target", "generated-clients-ts");
    private static final Path TOOLS = Path.of("target", "ts-tools");
    private static final String TYPESCRIPT = "typescript@5.9.3";

    @Test
    void typescriptClientsGenerateTypeCheckAndWork() throws Exception {
        assumeTrue(runs(List.of("node", "--version")) && runs(List.of("npm", "--version")), "node and npm are not installed here");
        assumeTrue(installTypeScript(), "npm could not install " + TYPESCRIPT + " (offline?), see " + TOOLS.resolve("npm.log"));
        ServiceProcesses services = E2eStack.services();
        Files.createDirectories(WORK);
        List<Process> generators = new ArrayList<>();
        for (String service : ServiceProcesses.SERVICES) {
            Path document = OpenApiGenerator.saveDocument(services.url(service), WORK.resolve(service + ".openapi.json"));
            generators.add(OpenApiGenerator.start(document, "typescript-fetch", WORK.resolve(service),
                    WORK.resolve(service + ".generator.log")));
        }
        for (Process generator : generators) {
            assertTrue(generator.waitFor(5, TimeUnit.MINUTES), "openapi-generator finished");
            assertEquals(0, generator.exitValue(), "openapi-generator typescript-fetch failed, see " + WORK);
        }
        try (var in = getClass().getResourceAsStream("/generated-client-ts/scenario.ts")) {
            Files.write(WORK.resolve("scenario.ts"), in.readAllBytes());
        }
        // every client is type-checked, not only the two the scenario imports
        Files.writeString(WORK.resolve("tsconfig.json"), """
                { "compilerOptions": { "target": "ES2022", "module": "commonjs", "lib": ["ES2022", "DOM"], "strict": true,
                    "outDir": "out", "types": [] },
                  "include": ["scenario.ts", "customer-service/**/*.ts", "loan-service/**/*.ts", "risk-service/**/*.ts",
                    "retention-service/**/*.ts"] }
                """);
        Path tsc = TOOLS.resolve("node_modules/typescript/bin/tsc").toAbsolutePath();
        Result typeCheck = run(List.of("node", tsc.toString(), "-p", "tsconfig.json"), WORK);
        assertEquals(0, typeCheck.status, "tsc --strict on the four generated clients and the scenario:\n" + typeCheck.output);

        Result scenario = run(List.of("node", "out/scenario.js", services.url("customer-service"), services.url("loan-service"),
                TestUsers.as("client.ts").getValue().substring("Bearer ".length())), WORK);
        assertEquals(0, scenario.status, "the scenario through the TypeScript clients:\n" + scenario.output);
        String last = scenario.output.strip().lines().reduce((a, b) -> b).orElse("{}");
        JsonNode seen = new ObjectMapper().readTree(last);
        System.out.println("typescript clients: " + seen);
        assertEquals(seen.get("loanId").asText(), seen.get("readBackId").asText(), "the loan read back is the one booked");
        assertEquals(seen.get("customerId").asText(), seen.get("readBackCustomerId").asText());
        assertEquals(12000, seen.get("principal").asInt(), "the loan's data, not an empty object");
        assertEquals(12, seen.get("installments").asInt());
        assertEquals(404, seen.get("problemStatus").asInt(), "a refused request is the client's ResponseError with its status");
        assertEquals("application/problem+json", seen.get("problemType").asText());
    }

    /** Installs TypeScript into target/ts-tools once; false when npm cannot (no registry reachable). */
    private static boolean installTypeScript() throws Exception {
        if (Files.exists(TOOLS.resolve("node_modules/typescript/bin/tsc"))) {
            return true;
        }
        Files.createDirectories(TOOLS);
        Result install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", TOOLS.toAbsolutePath().toString(), TYPESCRIPT),
                TOOLS);
        Files.writeString(TOOLS.resolve("npm.log"), install.output);
        return install.status == 0;
    }

    private static boolean runs(List<String> command) {
        try {
            return run(command, Path.of(".")).status == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " finished");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
