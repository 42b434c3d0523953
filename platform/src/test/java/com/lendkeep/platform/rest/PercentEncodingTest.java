package com.lendkeep.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** Percent escapes in a URL must decode to UTF-8; a lenient decoder would store U+FFFD instead. */
class PercentEncodingTest {

    @Test
    void escapesThatAreNotUtf8AreBrokenUnicode() {
        String broken = "contains broken Unicode (bytes that are not UTF-8)";
        assertEquals(broken, PercentEncoding.problemOf("a%FFb"));
        assertEquals(broken, PercentEncoding.problemOf("a%ED%A0%80b")); // an encoded lone surrogate
        assertEquals(broken, PercentEncoding.problemOf("%C3%28")); // a first byte without its continuation
        assertEquals(broken, PercentEncoding.problemOf("%C3")); // cut short
        assertEquals("contains a malformed percent escape", PercentEncoding.problemOf("100%"));
        assertEquals("contains a malformed percent escape", PercentEncoding.problemOf("%ZZ"));
    }

    /** Property: whatever text a client encodes properly (any code point but a lone surrogate) passes. */
    @Test
    void properlyEncodedTextPasses() {
        assertNull(PercentEncoding.problemOf(null));
        assertNull(PercentEncoding.problemOf("plain"));
        assertNull(PercentEncoding.problemOf("%EF%BF%BD")); // U+FFFD itself, sent on purpose
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(1, 12); n > 0; n--) {
                int cp = random.nextInt(1, Character.MAX_CODE_POINT + 1);
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    continue;
                }
                text.appendCodePoint(cp);
            }
            String encoded = URLEncoder.encode(text.toString(), StandardCharsets.UTF_8);
            assertNull(PercentEncoding.problemOf(encoded), () -> text + " encoded as " + encoded);
        }
    }

    @Test
    void parametersConvertOrSayWhatTheyMustBe() {
        assertNull(ParameterTypeCheck.problemOf(java.util.UUID.class, "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01"));
        assertEquals("must be a UUID", ParameterTypeCheck.problemOf(java.util.UUID.class, "not-a-uuid"));
        assertEquals("must be a whole number", ParameterTypeCheck.problemOf(int.class, "12.0"));
        assertEquals("must be a date (YYYY-MM-DD)", ParameterTypeCheck.problemOf(java.time.LocalDate.class, "+99999-01-01"));
        assertEquals("must be a date (YYYY-MM-DD)", ParameterTypeCheck.problemOf(java.time.LocalDate.class, "2026-01-15T10:00:00Z"));
        assertNull(ParameterTypeCheck.problemOf(java.time.LocalDate.class, "2026-01-15"));
    }
}
