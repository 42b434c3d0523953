package com.lendkeep.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An example body built from a schema, for request bodies that declare none: each property's own
 * example (from {@code @Schema(examples = ...)}) where it has one, else its default, first enum value
 * or a value of its type and format that passes the schema's bounds. Only required properties are
 * filled: an optional field's example may not fit every request (a principal plan is for FLEXIBLE
 * loans only), and the smallest request is the one a reader can trust to be valid.
 */
final class Examples {

    private static final int MAX_DEPTH = 6;

    private final Components components;

    Examples(Components components) {
        this.components = components;
    }

    Object of(Schema schema) {
        return of(schema, 0);
    }

    private Object of(Schema schema, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            return of(resolve(schema.getRef()), depth + 1);
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (composed != null) {
                for (Schema part : composed) {
                    Object value = of(part, depth + 1);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        List<Schema.SchemaType> types = schema.getType();
        Schema.SchemaType type = types == null || types.isEmpty() ? (schema.getProperties() != null ? Schema.SchemaType.OBJECT : null)
                : types.stream().filter(t -> t != Schema.SchemaType.NULL).findFirst().orElse(null);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OBJECT -> object(schema, depth);
            case ARRAY -> {
                Object item = of(schema.getItems(), depth + 1);
                List<Object> list = new ArrayList<>();
                if (item != null) {
                    list.add(item);
                }
                yield list;
            }
            case STRING -> string(schema);
            case INTEGER -> number(schema, true);
            case NUMBER -> number(schema, false);
            case BOOLEAN -> Boolean.FALSE;
            default -> null;
        };
    }

    private Map<String, Object> object(Schema schema, int depth) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (schema.getProperties() == null) {
            return body;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                Object value = of(property, depth + 1);
                if (value != null) {
                    body.put(name, value);
                }
            }
        });
        return body;
    }

    private static Object string(Schema schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "uuid" -> "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01";
            case "date" -> "2026-01-15";
            case "date-time" -> "2026-01-15T09:30:00Z";
            case "email" -> "dee.example@example.com";
            case "uri" -> "https://lendkeep.example/";
            default -> {
                int min = schema.getMinLength() == null ? 1 : Math.max(1, schema.getMinLength());
                String text = "example";
                while (text.length() < min) {
                    text = text + " example";
                }
                yield schema.getMaxLength() != null && text.length() > schema.getMaxLength() ? text.substring(0, schema.getMaxLength()) : text;
            }
        };
    }

    private static Object number(Schema schema, boolean integer) {
        BigDecimal value = integer ? BigDecimal.ONE : new BigDecimal("100.00");
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getExclusiveMinimum() != null && value.compareTo(schema.getExclusiveMinimum()) <= 0) {
            value = schema.getExclusiveMinimum().add(integer ? BigDecimal.ONE : new BigDecimal("0.01"));
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return integer ? (Object) value.longValue() : value;
    }

    private Schema resolve(String ref) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix) || components.getSchemas() == null) {
            return null;
        }
        return components.getSchemas().get(ref.substring(prefix.length()));
    }
}
