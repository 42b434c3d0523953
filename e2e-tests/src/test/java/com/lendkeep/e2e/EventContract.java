package com.lendkeep.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The event contract of docs/asyncapi applied to one Kafka record, as an outside consumer would
 * check it: the envelope and payload against the JSON Schema of the record's type, every money field
 * written with two decimals, no payload field the schema does not declare, the key, and the
 * CloudEvents headers against the envelope. Written independently of the platform's code (this module
 * does not depend on it): the schemas and docs/events.md are the oracle.
 */
final class EventContract {

    /** Where the validator finds the schema files: their relative $refs resolve against it. */
    private static final String BASE = "https://lendkeep.invalid/asyncapi/schemas/";
    /** Decimals read exactly as written: 600000.00 keeps its scale, 600000 stays an integer. */
    static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false).build();

    private final Path schemas;
    private final SchemaRegistry registry;
    private final Map<String, Schema> byType = new HashMap<>();
    private final Map<String, Set<String>> declared = new HashMap<>();
    private final Map<String, Set<String>> money = new HashMap<>();

    EventContract(Path repoRoot) {
        this.schemas = repoRoot.resolve("docs/asyncapi/schemas");
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(iri -> iri.startsWith(BASE) ? text(schemas.resolve(iri.substring(BASE.length()))) : null));
        for (JsonNode type : read("envelope.json").path("properties").path("type").path("enum")) {
            String file = type.asText().toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + file));
            schema.initializeValidators();
            byType.put(type.asText(), schema);
            Set<String> fields = new HashSet<>();
            Set<String> amounts = new HashSet<>();
            read(file).path("properties").path("data").path("properties").fields().forEachRemaining(p -> {
                fields.add(p.getKey());
                if (p.getValue().toString().contains("common.json#/$defs/money")) {
                    amounts.add(p.getKey());
                }
            });
            declared.put(type.asText(), fields);
            money.put(type.asText(), amounts);
        }
    }

    Set<String> types() {
        return byType.keySet();
    }

    /** Every way the record breaks the contract; empty when it keeps it. */
    List<String> violations(ConsumerRecord<String, String> record) {
        JsonNode event;
        try {
            event = EXACT.readTree(record.value());
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return violations(record, event);
    }

    List<String> violations(ConsumerRecord<String, String> record, JsonNode event) {
        List<String> found = new ArrayList<>();
        String type = event.path("type").asText();
        Schema schema = byType.get(type);
        if (schema == null) {
            return List.of("type " + type + " has no schema in docs/asyncapi");
        }
        for (Error e : schema.validate(event)) {
            found.add("schema: " + e);
        }
        event.path("data").fieldNames().forEachRemaining(f -> {
            if (!declared.get(type).contains(f)) {
                found.add("data." + f + " is not declared in the schema of " + type);
            }
        });
        for (String amount : money.get(type)) {
            JsonNode value = event.path("data").path(amount);
            if (!value.isMissingNode() && !value.isNull() && !(value.isBigDecimal() && value.decimalValue().scale() == 2)) {
                found.add("data." + amount + " is written " + value + ", not with two decimals");
            }
        }
        if (!Objects.equals(record.key(), event.path("customerId").asText())) {
            found.add("key " + record.key() + " is not the customerId " + event.path("customerId").asText());
        }
        found.addAll(headerViolations(record, event));
        return found;
    }

    /** The CloudEvents attributes (docs/events.md, "CloudEvents attributes") and LendKeep's own headers against the envelope. */
    static List<String> headerViolations(ConsumerRecord<String, String> record, JsonNode event) {
        List<String> found = new ArrayList<>();
        String type = event.path("type").asText();
        Map<String, String> expected = new HashMap<>();
        expected.put("ce_specversion", "1.0");
        expected.put("ce_id", event.path("eventId").asText());
        expected.put("ce_type", "com.lendkeep." + type.toLowerCase(Locale.ROOT).replace('_', '-'));
        expected.put("ce_source", "/lendkeep/" + event.path("source").asText());
        expected.put("ce_subject", event.path("customerId").asText());
        expected.put("content-type", "application/json");
        expected.put("event-id", event.path("eventId").asText());
        expected.put("event-type", type);
        expected.forEach((name, value) -> {
            if (!value.equals(header(record, name))) {
                found.add("header " + name + " is " + header(record, name) + ", expected " + value);
            }
        });
        String time = header(record, "ce_time");
        try {
            if (time == null || !OffsetDateTime.parse(time).toInstant().equals(Instant.parse(event.path("occurredAt").asText()))) {
                found.add("header ce_time " + time + " is not occurredAt " + event.path("occurredAt").asText());
            }
        } catch (RuntimeException e) {
            found.add("header ce_time " + time + " is not RFC 3339: " + e.getMessage());
        }
        return found;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private JsonNode read(String file) {
        try {
            return EXACT.readTree(text(schemas.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
