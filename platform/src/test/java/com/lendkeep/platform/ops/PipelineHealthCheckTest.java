package com.lendkeep.platform.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PipelineHealthCheckTest {

    private final ConsumerLag lag = new ConsumerLag(null, new SimpleMeterRegistry(), new org.eclipse.microprofile.config.Config() {
        // no consumer groups configured: only the window matters here
        public <T> T getValue(String n, Class<T> t) { throw new java.util.NoSuchElementException(n); }
        public org.eclipse.microprofile.config.ConfigValue getConfigValue(String n) { return null; }
        public <T> java.util.Optional<T> getOptionalValue(String n, Class<T> t) { return java.util.Optional.empty(); }
        public Iterable<String> getPropertyNames() { return List.of(); }
        public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources() { return List.of(); }
        public <T> java.util.Optional<org.eclipse.microprofile.config.spi.Converter<T>> getConverter(Class<T> t) { return java.util.Optional.empty(); }
        public <T> T unwrap(Class<T> t) { throw new IllegalArgumentException(); }
    }, 4);
    private final PipelineHealthCheck check = new PipelineHealthCheck(null, lag, Duration.ofMinutes(5), 1000);

    @Test
    void lagAboveTheLimitThatGrewAtEverySampleIsFallingBehind() {
        assertTrue(check.growingBeyondLimit(new ConsumerLag.Trend("g", "t", List.of(900L, 1000L, 1100L, 1200L))));
    }

    @Test
    void highButShrinkingOrFlatLagOrTooFewSamplesIsNot() {
        assertFalse(check.growingBeyondLimit(new ConsumerLag.Trend("g", "t", List.of(5000L, 5100L, 5050L, 5200L))), "one dip");
        assertFalse(check.growingBeyondLimit(new ConsumerLag.Trend("g", "t", List.of(5000L, 5000L, 5000L, 5000L))), "flat");
        assertFalse(check.growingBeyondLimit(new ConsumerLag.Trend("g", "t", List.of(2000L, 3000L, 4000L))), "3 of 4 samples");
        assertFalse(check.growingBeyondLimit(new ConsumerLag.Trend("g", "t", List.of(100L, 200L, 300L, 400L))), "below the limit");
    }

    @Test
    void deadLetterReasonsAreGroupedIntoFewCategories() {
        assertEquals("schema-version", PlatformMetrics.reasonCategory("unsupported schema version 2 (this consumer reads 1)"));
        assertEquals("invalid-payload", PlatformMetrics.reasonCategory("payload of PAYMENT_MISSED is invalid: amountDue must not be null"));
        assertEquals("processing-failed", PlatformMetrics.reasonCategory("processing failed 3 times: boom"));
        assertEquals("unknown-type", PlatformMetrics.reasonCategory("unknown event type: FOO"));
        assertEquals("invalid-envelope", PlatformMetrics.reasonCategory("malformed JSON: x"));
    }
}
