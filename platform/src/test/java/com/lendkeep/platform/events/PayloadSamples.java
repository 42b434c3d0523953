package com.lendkeep.platform.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Payload records of {@link Payloads}, and instances of them with plausible values, for the contract tests. */
final class PayloadSamples {

    private PayloadSamples() {
    }

    static List<Class<?>> payloadRecords() {
        List<Class<?>> records = Arrays.stream(Payloads.class.getDeclaredClasses()).filter(Class::isRecord).toList();
        assertTrue(records.size() >= EventType.values().length, "a payload per event type: " + records);
        return records;
    }

    /** The payload record of an event type: LOAN_OPENED is {@code Payloads.LoanOpened}. */
    static Class<?> payloadOf(EventType type) {
        String name = Arrays.stream(type.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)).reduce("", String::concat);
        return payloadRecords().stream().filter(r -> r.getSimpleName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no payload record Payloads." + name + " for " + type));
    }

    /** The payload with every money field {@code amount}, other decimals 0.06 and plausible values elsewhere. */
    static Object instance(Class<?> payload, BigDecimal amount) {
        RecordComponent[] components = payload.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = types[i];
            args[i] = t == BigDecimal.class ? (components[i].isAnnotationPresent(Money.class) ? amount : new BigDecimal("0.06"))
                    : t == UUID.class ? UUID.randomUUID()
                    : t == String.class ? "x"
                    : t == LocalDate.class ? LocalDate.of(2027, 2, 2)
                    : t == Instant.class ? Instant.parse("2027-02-02T10:00:00Z")
                    : t == int.class || t == Integer.class ? 1
                    : t == boolean.class || t == Boolean.class ? true
                    : t == List.class ? List.of()
                    : null;
        }
        try {
            return payload.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(payload.getName(), e);
        }
    }
}
