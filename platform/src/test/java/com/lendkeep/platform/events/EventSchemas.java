package com.lendkeep.platform.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** docs/asyncapi: the AsyncAPI document and the JSON Schemas, read from the repository as a user finds them. */
final class EventSchemas {

    static final Path DIR = Path.of("..", "docs", "asyncapi").toAbsolutePath().normalize();
    static final Path SCHEMAS = DIR.resolve("schemas");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Where the schemas are found for the validator: their $refs (envelope.json, common.json) resolve against it. */
    private static final String BASE = "https://lendkeep.invalid/asyncapi/schemas/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(iri -> iri.startsWith(BASE) ? text(SCHEMAS.resolve(iri.substring(BASE.length()))) : null));

    /** {@code loan-opened.json} for LOAN_OPENED. */
    static String fileOf(EventType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    }

    static JsonNode asyncApi() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("asyncapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The schema of a file, its $refs (envelope.json, common.json) resolved beside it. */
    Schema schema(Path file) {
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + SCHEMAS.relativize(file)));
        schema.initializeValidators(); // resolves every $ref now: a broken one fails here, not on the first event
        return schema;
    }

    Schema schema(EventType type) {
        return schema(SCHEMAS.resolve(fileOf(type)));
    }

    /** The errors of a schema file against the JSON Schema 2020-12 meta-schema. */
    List<Error> metaSchemaErrors(Path file) {
        return registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId())).validate(read(file));
    }
}
