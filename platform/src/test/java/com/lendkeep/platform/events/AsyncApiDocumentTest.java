package com.lendkeep.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;

/**
 * docs/asyncapi is the machine-readable event contract; this keeps it true to the code: a channel
 * per topic of {@link Topics}, a message per {@link EventType} with the key and the CloudEvents
 * headers, a JSON Schema file per type that is valid JSON Schema 2020-12 and declares exactly the
 * fields of the type's {@link Payloads} record (which are required, which are money), and the events
 * the outbox writes and the document's examples validate against their schema.
 */
class AsyncApiDocumentTest {

    private final EventSchemas schemas = new EventSchemas();
    private final JsonNode doc = EventSchemas.asyncApi();
    private final EventJson json = new EventJson(MoneyOnKafkaTest.servicesMapper());

    @Test
    void aChannelPerTopicAndAMessagePerEventType() throws Exception {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        Set<String> addresses = new HashSet<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertEquals(topics(), addresses, "one channel per topic of Topics.java");

        for (EventType type : EventType.values()) {
            String name = PayloadSamples.payloadOf(type).getSimpleName();
            JsonNode message = doc.path("components").path("messages").path(name);
            assertEquals(type.name(), message.path("name").asText(), "message " + name);
            assertEquals("./schemas/" + EventSchemas.fileOf(type), message.path("payload").path("schema").path("$ref").asText(), name);
            assertTrue(message.path("payload").path("schemaFormat").asText().endsWith("version=draft-2020-12"), name);
            assertTrue(Files.exists(EventSchemas.SCHEMAS.resolve(EventSchemas.fileOf(type))), EventSchemas.fileOf(type));
            JsonNode channel = channelOf(type.topic());
            assertEquals("#/components/messages/" + name, channel.path("messages").path(name).path("$ref").asText(),
                    type + " on the channel of " + type.topic());
        }
        assertEquals(EventType.values().length, doc.path("components").path("messages").size(), "no message without an event type");
    }

    @Test
    void everyMessageDeclaresTheCustomerKeyAndTheCloudEventsHeaders() {
        JsonNode trait = doc.path("components").path("messageTraits").path("LendKeepEvent");
        assertEquals("#/components/schemas/CustomerKey", trait.path("bindings").path("kafka").path("key").path("$ref").asText());
        assertEquals("#/components/schemas/EventHeaders", trait.path("headers").path("$ref").asText());
        JsonNode headers = doc.path("components").path("schemas").path("EventHeaders").path("properties");
        for (String header : List.of(CloudEventHeaders.SPEC, CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.CONTENT_TYPE, "traceparent", "event-id", "event-type")) {
            assertTrue(headers.has(header), "header " + header);
        }
        doc.path("components").path("messages").forEach(m -> assertEquals("#/components/messageTraits/LendKeepEvent",
                m.path("traits").path(0).path("$ref").asText(), m.path("name").asText()));
    }

    @Test
    void everySchemaFileIsValidJsonSchema2020_12() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(EventSchemas.SCHEMAS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(EventType.values().length + 2, files.size(), "one per event type, envelope.json and common.json: " + files);
        for (Path file : files) {
            List<Error> errors = schemas.metaSchemaErrors(file);
            assertTrue(errors.isEmpty(), file.getFileName() + " against the 2020-12 meta-schema: " + errors);
            assertEquals("https://json-schema.org/draft/2020-12/schema", EventSchemas.read(file).path("$schema").asText(), file.toString());
            schemas.schema(file);
        }
    }

    /** The schema of a type declares the record's fields, no more and no fewer, with the same required set and money fields. */
    @Test
    void everySchemaDeclaresExactlyTheFieldsOfItsPayloadRecord() {
        for (EventType type : EventType.values()) {
            Class<?> record = PayloadSamples.payloadOf(type);
            JsonNode data = EventSchemas.read(EventSchemas.SCHEMAS.resolve(EventSchemas.fileOf(type))).path("properties").path("data");
            assertEquals(type.name(), EventSchemas.read(EventSchemas.SCHEMAS.resolve(EventSchemas.fileOf(type)))
                    .path("properties").path("type").path("const").asText());
            assertFields(type + " (" + record.getSimpleName() + ")", record, data);
        }
        JsonNode quietPeriod = EventSchemas.read(EventSchemas.SCHEMAS.resolve(EventSchemas.fileOf(EventType.CONTACT_PREFERENCES_CHANGED)))
                .path("$defs").path("QuietPeriod");
        assertFields("QuietPeriod", Payloads.QuietPeriod.class, quietPeriod);
    }

    /** What the outbox writes for each type (every field filled, amounts with their scale) is valid against its schema. */
    @Test
    void theEventsTheOutboxWritesAreValidAgainstTheirSchemas() throws Exception {
        for (EventType type : EventType.values()) {
            for (Object payload : List.of(PayloadSamples.instance(PayloadSamples.payloadOf(type), new BigDecimal("600000")),
                    PayloadSamples.instance(PayloadSamples.payloadOf(type), new BigDecimal("0.01")))) {
                String written = json.write(new EventEnvelope(UUID.randomUUID(), type, "loan-service", Instant.now(), 1,
                        UUID.randomUUID(), json.data(payload), java.time.LocalDate.of(2027, 2, 2)));
                List<Error> errors = schemas.schema(type).validate(EventSchemas.JSON.readTree(written));
                assertTrue(errors.isEmpty(), type + ": " + errors + " in " + written);
            }
        }
    }

    @Test
    void theDocumentsExamplesAreValidAndTheirHeadersMatchTheEnvelope() throws Exception {
        int examples = 0;
        for (EventType type : EventType.values()) {
            JsonNode message = doc.path("components").path("messages").path(PayloadSamples.payloadOf(type).getSimpleName());
            for (JsonNode example : message.path("examples")) {
                List<Error> errors = schemas.schema(type).validate(example.path("payload"));
                assertTrue(errors.isEmpty(), type + " example: " + errors);
                String envelope = EventSchemas.JSON.writeValueAsString(example.path("payload"));
                CloudEventHeaders.ofJson(envelope).forEach((header, value) -> assertEquals(value, example.path("headers").path(header).asText(),
                        type + " example header " + header));
                examples++;
            }
        }
        assertTrue(examples >= 20, examples + " examples");
    }

    /** The validator bites: a payload that breaks its schema in each usual way is refused, naming the field. */
    @Test
    void aPayloadThatDisagreesWithItsSchemaIsRefused() throws Exception {
        Schema schema = schemas.schema(EventType.REPAYMENT_RECEIVED);
        String written = json.write(new EventEnvelope(UUID.randomUUID(), EventType.REPAYMENT_RECEIVED, "loan-service", Instant.now(), 1,
                UUID.randomUUID(), json.data(PayloadSamples.instance(Payloads.RepaymentReceived.class, new BigDecimal("10")))));
        assertTrue(schema.validate(EventSchemas.JSON.readTree(written)).isEmpty());

        List<String> breaks = List.of("amountPaid:\"10.00\"", "amountPaid:null", "amountPaid:-1", "paidOn:\"2027-02-30x\"",
                "loanId:\"not-a-uuid\"", "daysPastDue:-3", "-outstanding");
        for (String change : breaks) {
            ObjectNode event = (ObjectNode) EventSchemas.JSON.readTree(written);
            ObjectNode data = (ObjectNode) event.get("data");
            String field = change.startsWith("-") ? change.substring(1) : change.substring(0, change.indexOf(':'));
            if (change.startsWith("-")) {
                data.remove(field);
            } else {
                data.set(field, EventSchemas.JSON.readTree(change.substring(change.indexOf(':') + 1)));
            }
            List<Error> errors = schema.validate(event);
            assertFalse(errors.isEmpty(), change + " was accepted");
            assertTrue(errors.toString().contains(field), change + ": " + errors);
        }
        ObjectNode wrongEnvelope = (ObjectNode) EventSchemas.JSON.readTree(written);
        wrongEnvelope.put("schemaVersion", 2);
        assertFalse(schema.validate(wrongEnvelope).isEmpty(), "schemaVersion 2");
        ObjectNode wrongType = (ObjectNode) EventSchemas.JSON.readTree(written);
        wrongType.put("type", "PAYMENT_MISSED");
        assertFalse(schema.validate(wrongType).isEmpty(), "another type under REPAYMENT_RECEIVED's schema");
    }

    private static void assertFields(String what, Class<?> record, JsonNode schema) {
        Set<String> components = new LinkedHashSet<>();
        Set<String> required = new TreeSet<>();
        Set<String> money = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
            if (requiredInEffect(c)) {
                required.add(c.getName());
            }
            if (c.isAnnotationPresent(Money.class)) {
                money.add(c.getName());
            }
        }
        List<String> declared = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(declared::add);
        assertEquals(List.copyOf(components), declared, what + ": the schema's properties, in the record's order");
        Set<String> declaredRequired = new TreeSet<>();
        schema.path("required").forEach(r -> declaredRequired.add(r.asText()));
        assertEquals(required, declaredRequired, what + ": required = @NotNull, @NotBlank, or an int with a minimum of 1 or more");
        Set<String> declaredMoney = new TreeSet<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            if (p.getValue().toString().contains("common.json#/$defs/money")) {
                declaredMoney.add(p.getKey());
            }
        });
        assertEquals(money, declaredMoney, what + ": money fields (@Money) refer to common.json#/$defs/money");
    }

    /** A missing int reads as 0, so one with a minimum of 1 is required in effect (docs/events.md: "0 if absent, which fails"). */
    private static boolean requiredInEffect(RecordComponent c) {
        Annotation[] on = c.getAnnotatedType().getAnnotations();
        boolean notNull = Stream.of(on).anyMatch(a -> a instanceof NotNull || a instanceof NotBlank);
        boolean positiveInt = c.getType() == int.class && Stream.of(on).anyMatch(a -> a instanceof Min min && min.value() >= 1);
        return notNull || positiveInt;
    }

    private JsonNode channelOf(String topic) {
        for (JsonNode channel : doc.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static Set<String> topics() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        return topics;
    }
}
