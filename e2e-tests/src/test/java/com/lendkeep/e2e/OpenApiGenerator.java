package com.lendkeep.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.restassured.RestAssured;

/**
 * What a front-end team runs: a service's served OpenAPI document saved to a file, and
 * openapi-generator 7.25.0 (copied into target/ by the build) run on it, for the Java and the
 * TypeScript generated-client tests.
 */
final class OpenApiGenerator {

    private static final Path JAR = Path.of("target", "openapi-generator", "openapi-generator-cli.jar");
    private static final String NO_TESTS_OR_DOCS = "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false";

    private OpenApiGenerator() {
    }

    /** Saves the document {@code serviceUrl} serves (JSON) as {@code file}. */
    static Path saveDocument(String serviceUrl, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, RestAssured.get(serviceUrl + "/q/openapi?format=json").then().statusCode(200).extract().asString());
        return file;
    }

    /**
     * Starts the generator on {@code document} with {@code generator} (e.g. {@code java}), writing to
     * {@code out} and logging to {@code log}; {@code options} are further command-line options.
     * Returns the running process: the callers start one per service side by side (each run is mostly JVM start-up).
     */
    static Process start(Path document, String generator, Path out, Path log, String... options) throws IOException {
        assertTrue(Files.exists(JAR), JAR + " is copied by the build (maven-dependency-plugin)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "generate", "-i", document.toString(),
                "-g", generator, "-o", out.toString(), "--global-property", NO_TESTS_OR_DOCS));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
