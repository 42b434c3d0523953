package com.lendkeep.platform.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A URL's text as sent (percent-encoded): its escapes must decode to UTF-8. A lenient decoder turns
 * {@code %FF} or an encoded surrogate ({@code %ED%A0%80}) into U+FFFD, which would then be stored as
 * if the caller had sent it; here it is refused as broken Unicode, like the same bytes in a body.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** What is wrong with the raw (still encoded) {@code text}, or null. */
    static String problemOf(String text) {
        if (text == null || text.indexOf('%') < 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return "contains a malformed percent escape";
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "contains broken Unicode (bytes that are not UTF-8)";
        }
    }
}
